from pubcomment.core import numbering


def test_levels_follow_official_style() -> None:
    assert [numbering.label(level, 2) for level in range(1, 6)] == ["2", "(2)", "②", "イ", "(イ)"]


def test_path_label() -> None:
    assert numbering.path_label((4, 3, 1, 4)) == "4(3)①エ"
    assert numbering.path_label((2, 2)) == "2(2)"


def test_counters_past_their_alphabet_stay_ordered() -> None:
    assert numbering.circled(20) == "⑳"
    assert numbering.circled(21) == "㉑"
    assert numbering.circled(50) == "㊿"
    assert numbering.circled(51) == "(51)"
    assert numbering.katakana(44) == "ワ"
    assert numbering.katakana(45) == "(45)"
