# Long and unbroken texts; test_pdf.py writes data.json (a 50,000-character
# line among them) into a copy of this root before building it.
from pubcomment.latex import latex_settings

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]

globals().update(latex_settings())
latex_documents = [("index", "every.tex", "全文の印刷", "見本市", "manual", False)]
pubcomment_text_format = "markdown"  # opinion 5 checks how links print
# What 行政手続法43条1項 requires of results (pubcomment.law) is tested in test-law.
pubcomment_law_rules: list[str] = []
