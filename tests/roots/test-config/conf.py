extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
# Each value below is wrong: tests/test_config.py expects one warning each.
pubcomment_labels = {"summry": "御意見の概要", "response": "市の検討結果と理由"}
pubcomment_edition = "drafts"
pubcomment_badges = "yes"
pubcomment_edition_dirs = ["draft/"]
