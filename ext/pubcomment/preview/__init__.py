"""``pubcomment preview``: the live preview ``make livehtml`` serves.

It takes sphinx-autobuild's command line (the ``[preview]`` extra) and
builds every change in one warm process (:mod:`.warm`, :mod:`.server`):
the page a writer edits is served again in about a second, not after a
new ``sphinx-build`` has started, imported everything and loaded its
environment (bench/README.md, "Live preview").
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    from .server import main as serve

    return serve(argv)
