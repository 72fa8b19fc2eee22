extensions = ["myst_parser", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
project = "グラフ"
version = release = "1"
copyright = "2026, 見本市"
epub_uid = epub_identifier = "chart"
epub_scheme = "URI"
epub_use_index = False
# What 行政手続法43条1項 requires of results (pubcomment.law) is tested in test-law.
pubcomment_law_rules: list[str] = []
