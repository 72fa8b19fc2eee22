"""The .tex of small print roots, pinned: a change to the print passes
(pubcomment.latex.passes) or their order shows here as a diff, without TeX.

The .tex holds Sphinx's own LaTeX too (preamble, macros), which another
Sphinx may write otherwise: the snapshots are checked only with the Sphinx
and docutils they were made with (tools/test-compat.sh runs the newest
ones, and skips these).  After a deliberate change, or to move to a new
Sphinx, write them again with ``pytest tests/test_tex_snapshot.py
--force-regen`` and update SNAPSHOT_VERSIONS.
"""

from __future__ import annotations

import re

import docutils
import pytest
import sphinx
from sphinx.testing.util import SphinxTestApp

# (Sphinx, docutils), major and minor, the snapshots were made with.
SNAPSHOT_VERSIONS = ((9, 0), (0, 22))
# Which roots: links and changed text in tables, and a heading's room
# (hostile-latex); fonts for other scripts (scripts); rows split (long-latex).
ROOTS = {"hostile-latex": "hostile.tex", "scripts": "scripts.tex", "long-latex": "long.tex"}

pytestmark = pytest.mark.skipif(
    (sphinx.version_info[:2], docutils.__version_info__[:2]) != SNAPSHOT_VERSIONS,
    reason=f"the .tex snapshots were made with Sphinx and docutils {SNAPSHOT_VERSIONS}",
)


def normalised(tex: str) -> str:
    """The .tex without what changes from day to day: the title page's date."""
    return re.sub(r"^\\date\{.*\}$", r"\\date{DATE}", tex, flags=re.MULTILINE)


@pytest.mark.parametrize("root", [pytest.param(root, marks=pytest.mark.sphinx("latex", testroot=root, freshenv=True)) for root in ROOTS])
def test_tex_is_unchanged(root: str, app: SphinxTestApp, file_regression) -> None:
    app.build()
    tex = (app.outdir / ROOTS[root]).read_text(encoding="utf-8")
    file_regression.check(normalised(tex), basename=root, extension=".tex", encoding="utf-8")
