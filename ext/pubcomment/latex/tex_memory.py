"""TeX's memory for long documents.

Sphinx's LaTeX of a consultation of 10,000 opinions (7,666 pages) exceeds
TeX's main memory (5,000,000 words, TeX Live's default) in its first run,
with pubcomment's tables and with plain Sphinx's alike (bench/README.md,
latexpdf-10000).  latexmk runs TeX with the ``latexmkrc`` Sphinx writes
beside the ``.tex`` file, so pubcomment adds a line to it: TeX gets
EXTRA_MEMORY_WORDS more words (kpathsea's ``extra_mem_bot``, which a run
may change without a new format), unless the environment already says how
many.  TeX takes the memory only as it uses it: a short document's run is
as large as before.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

EXTRA_MEMORY_WORDS = 30_000_000  # 240 MB at most: enough for 10,000 opinions, with room
MARK = "# pubcomment: TeX's memory for long documents"
LINE = f"$ENV{{'extra_mem_bot'}} ||= '{EXTRA_MEMORY_WORDS}';  {MARK}\n"


def give_tex_memory(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished`` (LaTeX): the line in the output's latexmkrc, once."""
    if exception is not None or app.builder.format != "latex":
        return
    rc = Path(app.outdir, "latexmkrc")
    if not rc.is_file():
        return
    text = rc.read_text(encoding="utf-8")
    if MARK not in text:
        rc.write_text(LINE + text, encoding="utf-8")
