"""Japanese full-text search that finds what readers type: character bigrams.

Sphinx splits Japanese text for its search index with TinySegmenter (or
MeCab, Janome …) but ships no splitter for the browser, which splits a
query only at spaces and punctuation.  A query such as 障害者手帳 stays
one word there, while the index holds 障害 / 者 / 手帳, so it finds
nothing; and a dictionary splitter gives different words for the same
text in a sentence and alone.

This splitter cuts every run of Japanese characters (kanji, hiragana,
katakana) into overlapping pairs of characters, and other text into
words, in Python for the index and in JavaScript for the query, the same
way.  A page is found when it holds every pair of the query, so any text
of two or more characters that appears on a page finds it, whatever the
words are.  Text is NFKC-normalised first, so ＤＸ finds DX and ｶﾅ finds
カナ.  It is also an order of magnitude faster than TinySegmenter (see
bench/README.md).

Enable it in ``conf.py`` (the name writers use, kept by
:mod:`pubcomment.search_ja`)::

    html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from sphinx.search.ja import BaseSplitter, SearchJapanese

# Kanji (with 々 〆 and the extension planes), hiragana, katakana with ー;
# not the middle dot ・, which separates words.
# (as code point ranges for words_of(), and as a character class for the patterns).
_CJK_RANGES = (
    (0x3005, 0x3006),
    (0x3041, 0x309F),
    (0x30A0, 0x30FA),
    (0x30FC, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
_CJK = "".join(f"{chr(first)}-{chr(last)}" for first, last in _CJK_RANGES)
_TOKEN = re.compile(f"([{_CJK}]+)|[^\\W{_CJK}]+")

# The same rule in the browser; the query is split by this function
# (searchtools.js uses a global ``splitQuery`` when one is defined).
JS_SPLITTER = r"""
const _pcCJK = /^[\u3005\u3006\u3041-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]$/u;
const _pcWord = /^[\p{L}\p{N}_]$/u;  // as Python's \w
var splitQuery = (query) => {
  const words = [];
  let run = [];
  let kind = null;
  const flush = () => {
    if (kind === "cjk") {
      if (run.length === 1) words.push(run[0]);
      for (let i = 0; i + 1 < run.length; i++) words.push(run[i] + run[i + 1]);
    } else if (kind === "word") {
      words.push(run.join(""));
    }
    run = [];
  };
  for (const ch of Array.from(query.normalize("NFKC"))) {
    const next = _pcCJK.test(ch) ? "cjk" : _pcWord.test(ch) ? "word" : null;
    if (next !== kind) flush();
    kind = next;
    if (next) run.push(ch);
  }
  flush();
  return [...new Set(words)];
};
"""


def split_bigrams(text: str) -> list[str]:
    """Words for the index: bigrams of Japanese runs, other words whole; no repeats."""
    words: list[str] = []
    for match in _TOKEN.finditer(unicodedata.normalize("NFKC", text)):
        run = match.group(1)
        if run is None:
            words.append(match.group())
        elif len(run) == 1:
            words.append(run)
        else:
            words.extend(run[i : i + 2] for i in range(len(run) - 1))
    return list(dict.fromkeys(words))


_WORD = re.compile(f"[^\\W{_CJK}]+")


@functools.cache
def _cjk_table() -> Any:
    """numpy: whether each code point up to the last of _CJK_RANGES is Japanese (one bool each)."""
    import numpy as np

    table = np.zeros(_CJK_RANGES[-1][1] + 2, dtype=bool)
    for first, last in _CJK_RANGES:
        table[first : last + 1] = True
    return table


def words_of(texts: Iterable[str]) -> set[str]:
    """Every word :func:`split_bigrams` gives any of ``texts``, together.

    A page of 250 opinions is 190,000 characters and some 6,000 distinct
    words: cut into pairs one by one, it took a third of the time Sphinx
    spends writing it (100,000 opinions: 30 s of a 160 s build).  Here the
    pairs are found as numbers (numpy, which matplotlib brings), and only
    the distinct ones become strings.
    """
    import numpy as np

    text = "\n".join(unicodedata.normalize("NFKC", t) for t in texts)
    table = _cjk_table()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    japanese = table[np.minimum(codes, len(table) - 1)]
    paired = japanese[:-1] & japanese[1:]
    pairs = np.unique((codes[:-1][paired].astype(np.uint64) << np.uint64(21)) | codes[1:][paired])
    words = {chr(pair >> 21) + chr(pair & 0x1FFFFF) for pair in pairs.tolist()}
    alone = japanese.copy()  # runs of one Japanese character are a word of one
    alone[1:] &= ~japanese[:-1]
    alone[:-1] &= ~japanese[1:]
    words.update(map(chr, np.unique(codes[alone]).tolist()))
    words.update(_WORD.findall(text))
    return words


# Texts up to this length are always split whole (see SearchJapaneseWithQuerySplitter).
WHOLE_UP_TO = 120


class BigramSplitter(BaseSplitter):
    """``html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}``."""

    js_splitter_code = JS_SPLITTER
    # The index only records which pages hold a word: a word seen once in
    # a page need not be handed to Sphinx again (see SearchJapaneseWithQuerySplitter).
    once_per_page = True
    # A line break ends a word, wherever the text around it ends: texts
    # joined by line breaks give the words the texts give one by one
    # (pubcomment.html.deferred_rows uses it for the opinion tables' words).
    line_break_ends_words = True
    # Its words, one per line, split into themselves: a table's words can be
    # found ahead, all at once (words_of) and by several processes under -j N
    # (pubcomment.html.deferred_rows, pubcomment.html.parallel_rows).
    splits_own_words = True

    def split(self, input: str) -> list[str]:
        return split_bigrams(input)

    # The words of many texts at once (a table's rows): the same as splitting each.
    words_of = staticmethod(words_of)


class SearchJapaneseWithQuerySplitter(SearchJapanese):
    """Sphinx's Japanese search, plus the splitter's browser half when it has one.

    With Sphinx's own splitters nothing changes (they have no JavaScript).

    Sphinx indexes a page by looking up its splitter (``lang.split``) once
    and calling it for every text of the page, then adding each word to
    the index one by one, repeats included: a 10,000-opinion consultation
    gave it 11 million words for 40,000 distinct ones per page.  For a
    splitter that says so, each lookup gets a fresh function that returns
    only the words not yet returned for the page.  Short texts (titles
    among them: Sphinx splits a title's text as a title and again as text)
    are returned whole, so that the index is the same as without this.
    """

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        self.js_splitter_code = getattr(self.splitter, "js_splitter_code", "")

    @property  # type: ignore[override]
    def split(self) -> Callable[[str], list[str]]:
        split = self.splitter.split
        if not getattr(self.splitter, "once_per_page", False):
            return split
        seen: set[str] = set()

        def split_new(text: str) -> list[str]:
            words = split(text)
            if len(text) > WHOLE_UP_TO:
                words = [word for word in words if word not in seen]
            seen.update(words)
            return words

        return split_new
