extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
# What 行政手続法43条1項 requires of results (pubcomment.law) is tested in test-law.
pubcomment_law_rules: list[str] = []
