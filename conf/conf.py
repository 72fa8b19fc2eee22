"""Sphinx configuration of the pubcomment sample site.

Settings shared by every document live here; what differs per document
(title, root, file names) is in documents.py.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from documents import BODY, DOCUMENTS, by_key

from pubcomment.core.wareki import format_date

project = "川崎市DX推進プラン"
author = BODY
copyright = f"2026, {BODY}"
language = "ja"
# The date printed on title pages (and |today|), in 和暦.
today = format_date(datetime.date.today())
root_doc = "index"

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["**/data/**"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings: list[str] = []

# Editions of the plan: the final text (改定版) by default, the draft
# (改定案) with `-t draft`; the Makefile builds both.
pubcomment_edition = "draft" if tags.has("draft") else "final"  # type: ignore[name-defined]  # noqa: F821
# What the results must hold (行政手続法43条1項, README 結果の公示に必要な事項):
# every rule but 'published'.  Kawasaki's published results do not state the
# day the draft was published (公示日), only the period (令和7年12月3日から),
# and the data does not guess it.
pubcomment_law_rules = ["title", "opinions", "responses", "amendments"]
# The results PDF reads the plan PDF's page numbers from its .aux.
pubcomment_latex_plan = by_key("plan").stem

# HTML: furo, chosen for accessibility and phones (source/about/theme.md);
# _static/site.css sets the Japanese font stack, line length and print styles.
html_theme = "furo"
html_title = project if pubcomment_edition == "final" else f"{project} 改定案"
html_last_updated_fmt = None
html_static_path = ["_static"]
html_css_files = ["site.css"]
# Japanese search by character bigrams, split the same way in the browser,
# so that what a reader types finds the page (bench/README.md compares splitters).
html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}

# LaTeX: one PDF per document (see documents.py).  upLaTeX + dvipdfmx,
# jsbook and the fonts are pubcomment's defaults for language = "ja".
# The root document itself is printed (toctree_only=False), then what its
# toctree includes.
latex_documents = [(d.root, f"{d.stem}.tex", d.title, d.author, "manual", False) for d in DOCUMENTS if d.edition == pubcomment_edition]

# ePub: one per document.  `sphinx-build -b epub -t epub_<key>` (see the
# Makefile) makes that document the root; pubcomment.epub leaves the other
# documents out of the package and unlinks references to them.
epub_show_urls = "no"
epub_use_index = False
for _document in DOCUMENTS:
    if tags.has(f"epub_{_document.key}"):  # type: ignore[name-defined]  # noqa: F821
        root_doc = _document.root
        epub_basename = _document.stem
        epub_title = _document.title
        epub_author = _document.author
        epub_publisher = epub_contributor = BODY
        epub_description = _document.title
        epub_copyright = copyright
        # One identifier per document (pubcomment makes epub_uid equal to it,
        # as EPUBCheck requires, and gives the ePub a version).
        epub_identifier = _document.stem
        # The site's other documents are read (references between documents
        # resolve) but belong to no toctree of this root.
        suppress_warnings.append("toc.not_included")
        # The site's stylesheet is for the web theme (and uses selectors that
        # EPUBCheck's CSS parser rejects); the ePub keeps Sphinx's and the
        # extension's own.
        html_static_path = []
        html_css_files = []
