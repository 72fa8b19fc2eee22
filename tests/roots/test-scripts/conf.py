from pubcomment.latex import latex_settings

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]

globals().update(latex_settings())
latex_documents = [("index", "scripts.tex", "多言語の意見", "見本市", "manual", False)]
# ePub: what EPUBCheck needs of the package (as conf/conf.py).
epub_basename = "scripts"
epub_uid = epub_identifier = "scripts"
epub_scheme = "URI"
epub_use_index = False
version = release = "1"
copyright = "2026, 見本市"
# What 行政手続法43条1項 requires of results (pubcomment.law) is tested in test-law.
pubcomment_law_rules: list[str] = []
