extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
project = "ePub の範囲"
version = release = "1"
epub_uid = epub_identifier = "epub-scope"
epub_scheme = "URI"
epub_use_index = False
# The test sets root_doc = "a/index" (one document of two) and
# suppresses toc.not_included, as conf/conf.py does for -t epub_<key>.
copyright = "2026, 見本市"
