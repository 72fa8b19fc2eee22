from pubcomment.latex import latex_settings

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]

# The print settings of the sample site (conf/conf.py), from one definition.
globals().update(latex_settings())
latex_documents = [("index", "hostile.tex", "敵対的な入力の印刷", "見本市", "manual", False)]
pubcomment_text_format = "markdown"  # this root checks that the markdown subset escapes LaTeX
# What 行政手続法43条1項 requires of results (pubcomment.law) is tested in test-law.
pubcomment_law_rules: list[str] = []
