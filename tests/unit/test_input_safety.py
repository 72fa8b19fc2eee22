"""The data core under hostile and malformed input: one problem each, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pubcomment.core import ids, loader, located
from pubcomment.core.csvdata import parse_opinion_csv
from pubcomment.core.located import parse_yaml
from pubcomment.core.problems import Subtype
from pubcomment.core.sanitize import visible
from pubcomment.core.textfiles import DataFileError, decode
from pubcomment.directives.fences import cut_short

HEAD = "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\n"


def problems(text: str) -> list[tuple[str, int | None]]:
    loaded = loader.load_text(text)
    return [(p.subtype.value, p.line) for p in loaded.problems]


@pytest.mark.parametrize(("number", "subtype"), [("①", "type"), ("²", "type"), ("'1e3'", "type"), ("1" * 31, "limit")])
def test_numbers_that_int_cannot_read_or_that_are_huge(number: str, subtype: str) -> None:
    found = problems(HEAD + f"opinions:\n  - no: {number}\n    summary: 要旨\n    response: 考え方\n")
    assert (subtype, 5) in found


def test_full_width_digits_are_numbers() -> None:
    loaded = loader.load_text(HEAD + "opinions:\n  - no: ３\n    summary: 要旨\n    response: 考え方\n")
    assert loaded.consultation.opinions[0].number == 3


def test_a_huge_gap_in_numbers_is_reported_without_a_range_of_every_number() -> None:
    found = problems(HEAD + "opinions:\n  - {no: 1, summary: a, response: b}\n  - {no: 999999999, summary: a, response: b}\n")
    assert ("number", 5) in found


@pytest.mark.parametrize("day", ["1800-01-01", "0001-01-01", "1872-12-31"])
def test_dates_before_the_era_table_are_refused_where_they_are_read(day: str) -> None:
    found = problems(
        f"title: 見本\nbody: {{name: 見本市}}\nperiod: {{start: {day}, end: 2026-01-05}}\nschedule:\n  - {{when: {day[:7]}, text: x}}\n"
    )
    assert ("date", 3) in found and ("date", 5) in found


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 10_000 + "]" * 10_000, "nested more than"),
        ("a: &a [*a]", "recursive alias"),
        ("a: &a {b: *a}", "recursive alias"),
        (
            "a: &a [x,x,x,x,x,x,x,x,x]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)),
            "aliases expand",
        ),
    ],
)
def test_limits_of_yaml(text: str, message: str) -> None:
    root, found = parse_yaml(text)
    assert root is None and len(found) == 1
    assert found[0].subtype is Subtype.LIMIT and message in found[0].message


def _anchored_text_bomb() -> str:
    return "a: &a " + "見本" * 25_000 + "\nb:\n" + "  - *a\n" * 1_000  # 147 KB written, 50 million characters expanded


def _repeated_anchor_bomb() -> str:
    # Fewer than 100,000 values, each of them a long text: within the limit of values, not of text.
    lines = [f"t{i}: &t{i} " + "見本" * 2_000 for i in range(20)]
    lines += ["u:"] + [f"  - [{', '.join(f'*t{i}' for i in range(20))}]" for _ in range(500)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text", [_anchored_text_bomb(), _repeated_anchor_bomb()], ids=["one-anchor", "repeated-anchors"])
def test_aliases_may_not_expand_the_text_past_the_output_budget(text: str) -> None:
    root, found = parse_yaml(text)
    assert root is None and len(found) == 1
    assert found[0].subtype is Subtype.LIMIT and "output budget" in found[0].message
    assert "repeated by aliases" in found[0].message and found[0].line is not None and found[0].line <= 21


def test_the_output_budget_leaves_room_for_real_data() -> None:
    assert located.text_budget(1) == located.TEXT_FREE_UP_TO
    assert located.text_budget(10_000_000) == located.MAX_TEXT_FACTOR * 10_000_000
    # A few aliases of a long response, as writers use them: within the budget.
    text = "r: &r " + "見本" * 5_000 + "\nopinions:\n" + "  - {summary: 見本, response: *r}\n" * 300
    root, found = parse_yaml(text)
    assert root is not None and not found


def test_json_surrogate_pairs_are_joined_and_lone_surrogates_made_visible() -> None:
    root, found = parse_yaml('{"a": "\\ud842\\udfb7", "b": "x\\ud842y"}')
    assert root is not None and isinstance(root.value, dict)
    assert root.value["a"].value == "𠮷"
    assert root.value["b"].value == "x［U+D842］y"
    assert [p.subtype for p in found] == [Subtype.TEXT]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("file\u202eexe.pdf", "file［U+202E］exe.pdf"),
        ("bell\x07", "bell［U+0007］"),
        ("c1\x85", "c1［U+0085］"),
        ("non\ufdd0char\U0010ffff", "non［U+FDD0］char［U+10FFFF］"),
        ("isolate\u2066x\u2069", "isolate［U+2066］x［U+2069］"),
    ],
)
def test_unsafe_code_points_are_made_visible(raw: str, shown: str) -> None:
    assert visible(raw)[0] == shown


def test_ordinary_text_is_untouched() -> None:
    text = "葛󠄀城市の御意見 😀 한국어 ไทย العربية हिन्दी Tiếng Việt\tタブ\n改行"
    assert visible(text) == (text, [])


def test_encodings_are_detected_strictly() -> None:
    text = "番号,意見の要旨\n1,ふるさとの未来について\n"
    for encoding in ("utf-8", "utf-8-sig", "cp932", "euc_jp", "utf-16"):
        assert decode(text.encode(encoding))[0].lstrip("\ufeff") == text, encoding
    with pytest.raises(DataFileError) as bad:
        decode(text.encode("cp932") + b"\n2,\x82\xff\n")
    assert bad.value.problem.subtype is Subtype.ENCODING and bad.value.problem.line == 4
    with pytest.raises(DataFileError) as binary:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert binary.value.problem.subtype is Subtype.ENCODING


def test_files_must_be_regular_non_empty_and_inside_the_root(tmp_path: Path) -> None:
    inside = tmp_path / "src"
    inside.mkdir()
    (tmp_path / "secret.yaml").write_text(HEAD, encoding="utf-8")
    (inside / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (inside / "empty.yaml").write_bytes(b"")
    (inside / "dir.yaml").mkdir()
    os.mkfifo(inside / "fifo.yaml")
    cases = {
        "../secret.yaml": (Subtype.FILE, "outside the source directory"),
        "link.yaml": (Subtype.FILE, "outside the source directory"),
        "empty.yaml": (Subtype.FILE, "is empty"),
        "dir.yaml": (Subtype.FILE, "is a directory"),
        "fifo.yaml": (Subtype.FILE, "not a regular file"),
        "missing.yaml": (Subtype.FILE, "cannot read"),
    }
    for name, (subtype, words) in cases.items():
        with pytest.raises(DataFileError) as error:
            loader.load_file(inside / name, root=inside)
        assert error.value.problem.subtype is subtype and words in error.value.problem.message, name


def test_an_opinions_file_outside_the_root_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "src"
    inside.mkdir()
    (tmp_path / "outside.csv").write_text("no,summary,response\n1,秘密,x\n", encoding="utf-8")
    (inside / "data.yaml").write_text(HEAD + f"opinions: {tmp_path / 'outside.csv'}\n", encoding="utf-8")
    loaded = loader.load_file(inside / "data.yaml", root=inside)
    assert [(p.subtype, p.line) for p in loaded.problems] == [(Subtype.FILE, 4)]
    assert loaded.consultation.opinions == []


@pytest.mark.parametrize(
    ("text", "words", "line"),
    [
        ("no,意見の要旨,summary,response\n1,a,b,c\n", "are both 'summary'", 1),
        ('no,summary,response\n1,"open,x\n2,b,c\n3,d,e\n', "never closed", 2),
        ('no,summary,response\n1,"open,x\n2,b,c\n3,d",e\n', "looks like more rows", 2),
        ("no,summary,response\n", "no opinion rows", 1),
    ],
)
def test_csv_problems_that_used_to_be_silent(text: str, words: str, line: int) -> None:
    _rows, found = parse_opinion_csv(text)
    assert any(words in p.message and p.line == line for p in found), found


def test_tab_separated_unicode_text_from_excel() -> None:
    text, _ = decode("番号\t意見の要旨\t本市の考え方\n1\t要旨\t考え方\n".encode("utf-16"))
    rows, found = parse_opinion_csv(text)
    assert not found and isinstance(rows.value, list)
    row = rows.value[0].value
    assert isinstance(row, dict) and row["summary"].value == "要旨"


def test_id_tokens_are_distinct_for_distinct_keys() -> None:
    made = ids.tokens(["A", "a", "賛成", "反対", "B", "topic_one", "topic-one"])
    assert len(set(made.values())) == len(made)
    assert made["B"] == "b"  # an ordinary key keeps its id
    assert ids.token("line-target") == "line-target"


@pytest.mark.parametrize(
    ("source", "cut"),
    [
        ("```{pc-consultation}\nopinions:\n- summary: |\n   ```\n   ```{raw} html\n   <script>\n   ```\n  response: x\n```\n", True),
        ("```{pc-consultation}\ntitle: x\n```\n  indented: continues\n```\n", True),
        ("```{pc-consultation}\ntitle: x\n```\n\n本文\n", False),
        ("````{pc-consultation}\nsummary: |\n  ```\n````\n", False),
    ],
)
def test_a_body_cut_short_by_a_fence_inside_the_data(source: str, cut: bool) -> None:
    lines = source.splitlines()
    opening_fence = lines[0][: len(lines[0]) - len(lines[0].lstrip("`"))]
    body_end = next(
        i
        for i in range(2, len(lines) + 1)
        if lines[i - 1].strip() and set(lines[i - 1].strip()) == {"`"} and len(lines[i - 1].strip()) >= len(opening_fence)
    )
    assert (cut_short(lines, 1, body_end) is not None) is cut
