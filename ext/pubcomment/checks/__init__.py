"""Consistency checks, run once every document is read (``env-check-consistency``).

Each reads only what the domain kept of the documents and the data, so a
build that reads one document checks the whole site without reading any
data file again.  :data:`CHECKS` is the one list of them, in the order
their warnings appear.
"""

from __future__ import annotations

from collections.abc import Callable

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import citations, completeness, coverage

CHECKS: tuple[Callable[[Sphinx, BuildEnvironment], None], ...] = (
    citations.check_references,  # every cited plan section and amendment exists
    coverage.check_coverage,  # tables split by :numbers: show every opinion once
    completeness.check_completeness,  # what 行政手続法43条1項 requires is shown (pubcomment_law_rules)
)


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: every check, in turn."""
    for check in CHECKS:
        check(app, env)
