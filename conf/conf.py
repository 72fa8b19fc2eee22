"""Sphinx configuration of the pubcomment sample site.

Settings shared by every document live here; what differs per document
(title, root, file names) is in documents.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from documents import BODY, DOCUMENTS  # noqa: E402

project = "川崎市DX推進プラン"
author = BODY
copyright = f"2026, {BODY}"
language = "ja"
root_doc = "index"

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["**/data/**"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings: list[str] = []

# HTML
html_theme = "alabaster"
html_title = project
html_last_updated_fmt = None

# LaTeX: one PDF per document (see documents.py).
latex_documents = [(d.root, f"{d.stem}.tex", d.title, d.author, "manual", True) for d in DOCUMENTS]
