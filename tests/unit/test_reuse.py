"""core/reuse.py: a reading that reuses the last one gives what a fresh reading gives.

The live preview turns reuse on (tests/test_preview.py builds with it); here
the core alone: rows of a CSV file, the opinions read from them, the checks
and the privacy findings, for files as messy as writers' are.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pubcomment.core import loader, reuse
from pubcomment.core.csvdata import parse_opinion_csv
from pubcomment.core.located import Located
from pubcomment.core.privacy import check_consultation
from pubcomment.core.problems import Problem

HEADER = "No,項目,意見の要旨,本市の考え方,区分,提出ID\n"
MESSY = [
    HEADER + '1,a,短い意見。,回答。,B,S1\n2,a,"二行の\n意見。",回答。,D,S1\n',
    HEADER + "1,a,列が多い,回答,B,S1,余分\n2,a,,回答,D,S2\n",  # a cell too many; a summary missing
    HEADER + '1,a,"引用符が閉じない,回答,B,S1\n2,a,次の行,回答,B,S2\n',  # every row after it in one cell
    HEADER + '1,a,"一行目\n2,b,行に見える,回答,B,S2\n",回答,B,S1\n',  # a cell that holds what looks like a row
    HEADER + "1,a,制御文字\u200bあり,回答,B,S1\n2,b,電話 044-200-0000,回答,B,S2\n",
    HEADER,  # a header and no rows
]


@pytest.fixture(autouse=True)
def reuse_on() -> Iterator[None]:
    reuse.enable()
    yield
    reuse.disable()


def _fresh(text: str) -> tuple[Located, list[Problem]]:
    reuse.disable()
    try:
        return parse_opinion_csv(text, source="opinions.csv")
    finally:
        reuse.enable()


@pytest.mark.parametrize("text", MESSY)
def test_a_reading_that_reuses_the_last_one_gives_a_fresh_readings_rows(text: str) -> None:
    first = parse_opinion_csv(text, source="opinions.csv")
    again = parse_opinion_csv(text, source="opinions.csv")
    assert again == first == _fresh(text)
    edited = text.replace("回答", "別の回答", 1)
    assert parse_opinion_csv(edited, source="opinions.csv") == _fresh(edited)


def test_only_the_changed_row_is_new() -> None:
    text = HEADER + "".join(f"{n},a,意見{n}。,回答{n}。,B,S{n}\n" for n in range(1, 6))
    rows, _problems = parse_opinion_csv(text, source="opinions.csv")
    edited, _problems = parse_opinion_csv(text.replace("意見3。", "意見3を直した。"), source="opinions.csv")
    assert isinstance(rows.value, list) and isinstance(edited.value, list)
    assert [a is b for a, b in zip(rows.value, edited.value, strict=True)] == [True, True, False, True, True]


def test_a_row_moved_to_another_line_is_read_again() -> None:
    """Problems carry the row's line: a row that moved is not the row of the last reading."""
    text = HEADER + "1,a,意見,回答,B,S1,余分\n"
    first, problems = parse_opinion_csv(text, source="opinions.csv")
    moved, moved_problems = parse_opinion_csv(HEADER + "\n" + text[len(HEADER) :], source="opinions.csv")
    assert [p.line for p in problems] == [2] and [p.line for p in moved_problems] == [3]
    assert isinstance(first.value, list) and isinstance(moved.value, list) and first.value[0] is not moved.value[0]


def test_loading_again_gives_the_same_problems_and_reuses_the_opinions(tmp_path: Path) -> None:
    (tmp_path / "consultation.yaml").write_text(
        "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2026-01-05, end: 2026-02-04}\n"
        "categories: [{key: B, description: 推進}, {key: D, description: 説明}]\n"
        "topics: [{id: a, title: 項目A}]\nopinions: opinions.csv\n",
        encoding="utf-8",
    )
    csv = tmp_path / "opinions.csv"
    csv.write_text(MESSY[0].replace("S1\n", "S1\n", 1) + "3,z,電話 044-200-0000 まで,回答。,X,S3\n", encoding="utf-8")
    first = loader.load_file(tmp_path / "consultation.yaml", root=tmp_path)
    loader._cache.clear()  # read the file again, as after a save
    again = loader.load_file(tmp_path / "consultation.yaml", root=tmp_path)
    assert again.problems == first.problems and again.problems  # an unknown topic and category, reported again
    assert all(a is b for a, b in zip(first.consultation.opinions, again.consultation.opinions, strict=True))
    assert check_consultation(again.consultation) == check_consultation(first.consultation)
    assert check_consultation(again.consultation)  # the telephone number
    reuse.disable()
    loader._cache.clear()
    fresh = loader.load_file(tmp_path / "consultation.yaml", root=tmp_path)
    assert fresh.problems == again.problems
    assert check_consultation(fresh.consultation) == check_consultation(again.consultation)


def test_a_memo_keeps_what_the_last_reading_asked_for() -> None:
    memo = reuse.memo("test", "file")
    assert memo is not None
    memo.put("a", 1)
    memo.put("b", 2)
    again = reuse.memo("test", "file")
    assert again is memo and memo.get("a") == 1  # b was not asked for in this reading
    reuse.memo("test", "file")
    assert memo.get("a") == 1 and memo.get("b") is None
    reuse.disable()
    assert reuse.memo("test", "file") is None
