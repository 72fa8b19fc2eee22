extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
# Another city's words, and no categories or topic groups.
pubcomment_labels = {"response": "市の検討結果と理由", "summary": "意見の概要"}
# What 行政手続法43条1項 requires of results (pubcomment.law) is tested in test-law.
pubcomment_law_rules: list[str] = []
