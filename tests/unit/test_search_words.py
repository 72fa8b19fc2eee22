"""html/search.py: the words of many texts at once are the words of each text."""

from __future__ import annotations

import random

from pubcomment.html.search import split_bigrams, words_of

TEXTS = [
    "障害者手帳の交付について、ＤＸ推進プランの改定案（第２版）に意見します。",
    "ｶﾅ 半角カナ と全角ＡＢＣ、DX-2024 and e-mail: a_b@example.jp",
    "𠮷野家の𠮷と々〆ヶ、一字の「市」。",  # the extension planes, 々 and 〆, a run of one
    "",
    "\n\n改行\nだけ\n",
    "ー長音ーから始まる・中黒・で区切る",
    "😀絵文字😀の間と🇯🇵旗",
    "\u202eの後",
]


def test_same_words_as_each_text_split() -> None:
    expected: set[str] = set()
    for text in TEXTS:
        expected.update(split_bigrams(text))
    assert words_of(TEXTS) == expected


def test_same_words_for_random_japanese_and_latin() -> None:
    alphabet = "あいう漢字カタナ々ーｶﾅＡＢ12ab_ 、。\n\t𠮷・"
    rng = random.Random(7)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60))) for _ in range(300)]
    expected: set[str] = set()
    for text in texts:
        expected.update(split_bigrams(text))
    assert words_of(texts) == expected


def test_a_pair_never_spans_two_texts() -> None:
    assert words_of(["市", "民"]) == {"市", "民"}
