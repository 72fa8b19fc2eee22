from pubcomment.core.textdiff import changed_spans, tokens


def spans_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_numbers_are_whole_tokens() -> None:
    assert tokens("⇒ 160,000 人") == ["⇒", " ", "160,000", " ", "人"]
    before, after = "⇒ 100,000 人 (令和 11 年度)", "⇒ 160,000 人 (令和 11 年度)"
    deleted, inserted = changed_spans(before, after)
    assert spans_text(before, deleted) == ["100,000"]
    assert spans_text(after, inserted) == ["160,000"]


def test_latin_words_are_whole_tokens() -> None:
    before, after = "AI・RPA の利用推進", "AI の利用推進"
    deleted, inserted = changed_spans(before, after)
    assert spans_text(before, deleted) == ["・RPA"]
    assert inserted == []


def test_semantic_cleanup_gives_phrases_not_scattered_characters() -> None:
    before = "④デジタル技術の進歩や普及の動向を注視し、適宜適切なデジタル技術を選択し活用する。"
    after = "④社会課題や行政課題の解決に向けて、デジタル技術の動向を注視し適宜適切なデジタル技術を活用する。"
    deleted, inserted = changed_spans(before, after)
    assert spans_text(after, inserted) == ["社会課題や行政課題の解決に向けて、"]
    assert all(len(before[s:e]) >= 1 for s, e in deleted)
    assert "".join(spans_text(before, deleted)) == "進歩や普及の、選択し"


def test_equal_texts_have_no_changes() -> None:
    assert changed_spans("同じ文章", "同じ文章") == ([], [])


def test_spans_never_start_or_end_with_space() -> None:
    _deleted, inserted = changed_spans("目標 100 人", "目標 200 人 以上")
    after = "目標 200 人 以上"
    for start, end in inserted:
        assert not after[start].isspace() and not after[end - 1].isspace()
