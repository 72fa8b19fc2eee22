extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
pubcomment_text_format = "markdown"  # this root exercises the markdown subset of opinion texts
