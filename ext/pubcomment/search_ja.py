"""The Japanese search splitter under the name ``conf.py`` files use.

``html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}``
keeps working: the splitter lives in :mod:`pubcomment.html.search`.
"""

from .html.search import BigramSplitter, SearchJapaneseWithQuerySplitter, split_bigrams

__all__ = ["BigramSplitter", "SearchJapaneseWithQuerySplitter", "split_bigrams"]
