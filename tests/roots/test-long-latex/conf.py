from pubcomment.latex import latex_settings

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]

globals().update(latex_settings())
latex_documents = [("index", "long.tex", "長い意見の印刷", "見本市", "manual", False)]
