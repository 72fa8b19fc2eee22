from pubcomment.latex import latex_settings

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
globals().update(latex_settings())
latex_documents = [("index", "redaction.tex", "一部非公開の見本", "見本市", "manual", False)]
html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}
pubcomment_law_rules: list[str] = []
pubcomment_text_format = {"summary": "plain", "response": "markdown"}
