extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
# Set by the project, so kept (the first equals Sphinx's own default).
latex_show_urls = "no"
latex_elements = {"papersize": "b5paper"}
