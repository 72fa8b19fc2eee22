"""Sphinx configuration of this site.

団体ごとに変える値は documents.py にあります。このファイルは、ふつうは変えません。
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from documents import BODY, DOCUMENTS, PROJECT

from pubcomment.core.wareki import format_date
from pubcomment.site import epub_settings, latex_documents

project = PROJECT
author = BODY
copyright = f"{datetime.date.today().year}, {BODY}"
language = "ja"
# 表紙の日付（と |today|）は和暦で。
today = format_date(datetime.date.today())
root_doc = "index"

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["**/data/**"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
suppress_warnings: list[str] = []
# 御意見の個人情報（電話番号・住所・個人名 …）は、ビルドのたびに確かめて pubcomment.privacy の警告にします。
# 個人名は何も追加で入れずに探します。探さないときは False、GiNZA も使うときは "ginza"（遅い）。
pubcomment_privacy_names = True
# 団体自身の電話番号など、報告しない文字列。
pubcomment_privacy_allow: list[str] = []

# 版: 既定は改定版、`-t draft` で意見募集にかけた案（Makefile が両方作ります）。
pubcomment_edition = "draft" if tags.has("draft") else "final"  # type: ignore[name-defined]  # noqa: F821

html_theme = "furo"
html_title = project
html_last_updated_fmt = None
html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}

# PDF: 文書ごとに一つ（LaTeX の設定は pubcomment の既定のまま）。
latex_documents = latex_documents(DOCUMENTS, pubcomment_edition)

# ePub: 文書ごとに一つ。`-t epub_<key>` でその文書を根にします（Makefile を参照）。
epub_show_urls = "no"
epub_use_index = False
globals().update(epub_settings(DOCUMENTS, tags, suppress_warnings))  # type: ignore[name-defined]  # noqa: F821

# ---------------------------------------------------------------- この見本サイトだけの設定
# Everything above is the conf.py `pubcomment new` writes, unchanged
# (tests/test_scaffold.py checks it); below, what this sample site adds.

from pubcomment.site import by_key  # noqa: E402

# What the results must hold (行政手続法43条1項, README 結果の公示に必要な事項):
# every rule but 'published'.  Kawasaki's published results do not state the
# day the draft was published (公示日), only the period (令和7年12月3日から),
# and the data does not guess it.
pubcomment_law_rules = ["title", "opinions", "responses", "amendments"]
# The results PDF reads the plan PDF's page numbers from its .aux.
pubcomment_latex_plan = by_key(DOCUMENTS, "plan").stem

# HTML: furo, chosen for accessibility and phones (source/about/theme.md);
# _static/site.css sets the Japanese font stack, line length and print styles.
# The draft edition's site says so in its title.
html_title = project if pubcomment_edition == "final" else f"{project} 改定案"
html_static_path = ["_static"]
html_css_files = ["site.css"]
# The site's stylesheet is for the web theme (and uses selectors that
# EPUBCheck's CSS parser rejects); an ePub keeps Sphinx's and the extension's own.
if any(tags.has(f"epub_{document.key}") for document in DOCUMENTS):  # type: ignore[name-defined]  # noqa: F821
    html_static_path = []
    html_css_files = []
