from pubcomment.latex import latex_settings

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]

globals().update(latex_settings())
latex_documents = [("index", "long.tex", "長い意見の印刷", "見本市", "manual", False)]
# What 行政手続法43条1項 requires of results (pubcomment.law) is tested in test-law.
pubcomment_law_rules: list[str] = []
