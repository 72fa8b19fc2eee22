extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build", "data"]
html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}
