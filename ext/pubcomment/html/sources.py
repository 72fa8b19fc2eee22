"""No copy of a page's source when that source holds withheld text.

Sphinx copies each page's source to ``_sources/`` for the 「ソースを表示」
link.  Data embedded in a page (``pc-consultation`` with YAML in its body)
is in that source as written, the text withheld by ``{redact}`` or
``redactions:`` included, and the fields no output shows unless the data
says so (``submission``, ``originals``: core/opinion_fields.py).  Such a page gets no copy and no link (and a copy
left by an earlier build is removed); every other page keeps its copy as
``html_copy_source`` says.  Data read from a file (``:file:``) is never
copied by Sphinx.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..env.redactions import withholds_embedded_text


def withhold_source(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """``html-page-context``."""
    sourcename = context.get("sourcename")
    if not sourcename or not withholds_embedded_text(app, pagename):
        return
    context["sourcename"] = ""
    (Path(app.outdir) / "_sources" / sourcename).unlink(missing_ok=True)
