"""The Japanese splitters compared by bench/search.py, as Sphinx splitter classes.

Each is usable as ``html_search_options = {"type": "bench.splitters.NAME"}``
with the repository's root on ``sys.path``.  Only pubcomment's own splitter
(:mod:`pubcomment.search_ja`) is part of the extension; these exist to
measure the alternatives.
"""

from __future__ import annotations

import functools
from typing import Any

from sphinx.search.ja import BaseSplitter, DefaultSplitter


class MemoTinySegmenter(DefaultSplitter):
    """Sphinx's TinySegmenter with each distinct text split once."""

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        self.split = functools.lru_cache(maxsize=None)(super().split)  # type: ignore[method-assign]


class _MeCab(BaseSplitter):
    dicdir = ""

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        import MeCab

        self.tagger = MeCab.Tagger(f"-Owakati -r /dev/null -d {self.dicdir_path()}")

    def dicdir_path(self) -> str:
        raise NotImplementedError

    def split(self, input: str) -> list[str]:
        return self.tagger.parse(input).split()


class MeCabUniDic(_MeCab):
    """MeCab (mecab-python3) with unidic-lite."""

    def dicdir_path(self) -> str:
        import unidic_lite

        return unidic_lite.DICDIR


class MeCabIPAdic(_MeCab):
    """MeCab (mecab-python3) with ipadic."""

    def dicdir_path(self) -> str:
        import ipadic

        return ipadic.DICDIR


class Janome(BaseSplitter):
    """Janome (pure Python, IPAdic inside)."""

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        from janome.tokenizer import Tokenizer

        self.tokenizer = Tokenizer(wakati=True)

    def split(self, input: str) -> list[str]:
        return list(self.tokenizer.tokenize(input))


class Sudachi(BaseSplitter):
    """SudachiPy with sudachidict_core, mode C (longest units)."""

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        from sudachipy import Dictionary, SplitMode

        self.tokenizer = Dictionary(dict="core").create(mode=SplitMode.C)

    def split(self, input: str) -> list[str]:
        return [m.surface() for m in self.tokenizer.tokenize(input)]


# name -> (splitter type for html_search_options or None for Sphinx's default, packages)
CANDIDATES: dict[str, tuple[str | None, str]] = {
    "TinySegmenter (Sphinx default)": (None, "-"),
    "TinySegmenter, memoised": ("bench.splitters.MemoTinySegmenter", "-"),
    "MeCab + UniDic (unidic-lite)": ("bench.splitters.MeCabUniDic", "mecab-python3 unidic-lite"),
    "MeCab + IPAdic": ("bench.splitters.MeCabIPAdic", "mecab-python3 ipadic"),
    "Janome": ("bench.splitters.Janome", "janome"),
    "Sudachi (core, mode C)": ("bench.splitters.Sudachi", "sudachipy sudachidict-core"),
    "bigram (pubcomment)": ("pubcomment.search_ja.BigramSplitter", "-"),
}
