"""Print: long Latin runs get line breaks that print nothing; long texts are cut keeping every character."""

from __future__ import annotations

from sphinx.util import texescape

from pubcomment.latex.breaks import WORD_BREAK, breakable, has_long_run
from pubcomment.latex.long_tables import SENTENCE_END, _cut_by_width

texescape.init()  # Sphinx fills its escaping tables when it starts


def escape(text: str) -> str:
    return texescape.escape(text, "uplatex")


def test_a_run_wider_than_its_line_may_break_between_any_two_characters() -> None:
    latex = breakable("見て https://example.jp/a_b%c です", escape, line=5.0)
    assert latex == "見て " + WORD_BREAK.join(escape(c) for c in "https://example.jp/a_b%c") + " です"
    # Removing the breaks leaves Sphinx's own escaping of the whole text.
    assert latex.replace(WORD_BREAK, "") == escape("見て https://example.jp/a_b%c です")


def test_words_that_fit_stay_as_sphinx_writes_them() -> None:
    assert not has_long_run(r"\input{/etc/passwd} は 19 文字", line=20.9)
    assert breakable("a short text", escape, line=20.9) == "a short text"


def test_latin_sentences_end_at_a_stop_and_a_space() -> None:
    assert SENTENCE_END.split("One. Two! Three? 四。五") == ["One. ", "Two! ", "Three? ", "四。", "五"]
    assert SENTENCE_END.split("e.g.x 3.14") == ["e.g.x 3.14"]


def test_a_cut_by_width_keeps_every_character() -> None:
    text = "あ" * 95 + "x" * 1000 + " word " * 20
    pieces = _cut_by_width(text, 30.0)
    assert "".join(pieces) == text
    assert len(pieces) > 10


def test_medium_runs_of_wide_characters_break_when_wider_than_their_line() -> None:
    """W, M and = < > are wider in Latin Modern than average letters: a 30-character run of them
    in a 20-character line would print over the next column."""
    for run in ("=" * 30, "W" * 20, "M" * 20, "<" * 30, 'src="https://example.jp/=====WWWWWWWW">'):
        assert has_long_run(f"見本{run}見本", line=20.0), run
        assert WORD_BREAK in breakable(f"見本{run}見本", escape, line=20.0), run
    assert not has_long_run("見本 ordinary words of a sentence 見本", line=20.0)
