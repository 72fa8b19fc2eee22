"""Loading and validation: every problem names its subtype and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pubcomment.core import loader
from pubcomment.core.problems import Subtype

VALID = """\
title: 見本
body: {name: 見本市}
period: {start: 2025-12-03, end: 2026-01-05}
categories:
  - {key: A, description: 反映}
topics:
  - {id: t1, title: 全般}
opinions:
  - topic: t1
    category: A
    summary: 要旨
    response: 考え方
"""


def problems(text: str) -> list[tuple[str, int | None, str]]:
    loaded = loader.load_text(textwrap.dedent(text))
    return [(p.subtype.value, p.line, p.message) for p in loaded.problems]


def test_valid_data_has_no_problems() -> None:
    loaded = loader.load_text(VALID)
    assert loaded.problems == ()
    assert loaded.consultation.opinions[0].number == 1
    assert loaded.consultation.start.isoformat() == "2025-12-03"


def test_text_stays_text() -> None:
    """YAML 1.1 would read 11:45 as 705, no as False and dates as objects."""
    loaded = loader.load_text(VALID.replace("summary: 要旨", "summary: '11:45'").replace("response: 考え方", "response: no"))
    opinion = loaded.consultation.opinions[0]
    assert opinion.summary == "11:45"
    assert opinion.response == "no"
    loaded = loader.load_text(VALID.replace("summary: 要旨", "summary: 11:45"))
    assert loaded.consultation.opinions[0].summary == "11:45"


@pytest.mark.parametrize(
    ("change", "subtype", "line", "words"),
    [
        (("category: A", "category: Z"), Subtype.CATEGORY, 10, "unknown category 'Z'"),
        (("topic: t1", "topic: t9"), Subtype.TOPIC, 9, "unknown topic 't9'"),
        (("summary: 要旨", "summary: ''"), Subtype.REQUIRED, 11, "non-empty 'summary'"),
        (("end: 2026-01-05", "end: 2025-01-05"), Subtype.DATE, 3, "ends (2025-01-05) before it starts"),
        (("end: 2026-01-05", "end: 2026-02-30"), Subtype.DATE, 3, "not a date"),
        (("summary: 要旨", "summary: 要旨(※)"), Subtype.NOTE, 11, "1 (※) marker(s) but 0 note(s)"),
        (("title: 見本", "title: [a, b]"), Subtype.TYPE, 1, "must be text"),
        (("body: {name: 見本市}", "body: {self: 本市}"), Subtype.REQUIRED, 2, "non-empty 'name'"),
    ],
)
def test_each_problem_is_reported_at_its_line(change: tuple[str, str], subtype: Subtype, line: int, words: str) -> None:
    found = problems(VALID.replace(*change))
    assert [(s, n) for s, n, _ in found] == [(subtype.value, line)], found
    assert words in found[0][2]


def test_typo_in_key_is_named_with_a_suggestion() -> None:
    found = problems(VALID.replace("summary: 要旨", "summry: 要旨"))
    assert [(s, n) for s, n, _ in found] == [("unknown_key", 11), ("required", 9)]
    assert "did you mean 'summary'" in found[0][2]


def test_number_problems() -> None:
    text = (
        VALID
        + """\
  - no: 3
    topic: t1
    category: A
    summary: 要旨
    response: 考え方
"""
    )
    found = problems(text)
    assert ("number", 9) in [(s, n) for s, n, _ in found]
    numbered = (
        VALID.replace("  - topic: t1", "  - no: 1\n    topic: t1")
        + """\
  - no: 1
    topic: t1
    category: A
    summary: 要旨
    response: 考え方
  - no: 4
    topic: t1
    category: A
    summary: 要旨
    response: 考え方
"""
    )
    messages = [m for s, _, m in problems(numbered) if s == "number"]
    assert messages == ["opinion number 1 is used twice", "opinion numbers skip 2, 3"]


def test_declared_counts_are_cross_checked() -> None:
    text = VALID.replace("categories:", "declared: {submissions: 2, opinions: 5}\ncategories:")
    assert [(s, n) for s, n, _ in problems(text)] == [("count", 4)]


def test_submission_ids_count_submissions() -> None:
    text = VALID.replace("    category: A\n", "    category: A\n    submission: S1\n")
    loaded = loader.load_text(text)
    assert loaded.consultation.submission_count == 1
    assert loaded.consultation.opinion_count == 1


def test_syntax_error_has_a_line() -> None:
    assert problems("title: [unclosed\nbody: x\n")[0][:2] == ("syntax", 2)


def test_no_categories_no_topics_is_fine() -> None:
    text = "title: t\nbody: {name: 市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\nopinions:\n  - {summary: a, response: b}\n"
    assert problems(text) == []


def test_json_file_is_read_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        '{\n "title": "t",\n "body": {"name": "市"},\n "period": {"start": "2025-12-03", "end": "2026-01-05"},\n "colour": 1\n}\n'
    )
    loaded = loader.load_file(path)
    assert [(p.subtype, p.line, p.origin) for p in loaded.problems] == [(Subtype.UNKNOWN_KEY, 5, str(path))]


def test_file_is_parsed_once(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(VALID)
    assert loader.load_file(path) is loader.load_file(path)


def test_csv_opinions_in_cp932(tmp_path: Path) -> None:
    (tmp_path / "ops.csv").write_bytes("No,区分,意見の要旨,本市の考え方\r\n1,A,要旨,考え方\r\n2,Q,要旨2,考え方2\r\n".encode("cp932"))
    (tmp_path / "c.yaml").write_text(
        VALID.split("opinions:")[0].replace("topics:\n  - {id: t1, title: 全般}\n", "") + "opinions: ops.csv\n"
    )
    loaded = loader.load_file(tmp_path / "c.yaml")
    assert [o.summary for o in loaded.consultation.opinions] == ["要旨", "要旨2"]
    assert [(p.subtype, p.line, p.origin) for p in loaded.problems] == [(Subtype.CATEGORY, 3, str(tmp_path / "ops.csv"))]
    assert str(tmp_path / "ops.csv") in loaded.files


def test_opinions_survive_pickling_as_under_j() -> None:
    """Under -j the data a worker read travels to the main process by pickle."""
    import pickle

    from pubcomment.core.model import Opinion

    opinion = Opinion(7, "要旨（※）", "考え方", "B", "a", "S1", ["注"], [], ["dx-2-2"], ["a1"], True, 12, "data/opinions.csv")
    copied = pickle.loads(pickle.dumps(opinion, pickle.HIGHEST_PROTOCOL))
    assert copied == opinion and copied is not opinion
    assert copied.summary_notes == ["注"] and copied.origin == "data/opinions.csv" and copied.numbered


def test_data_read_again_must_still_be_inside_the_source_directory(tmp_path: Path) -> None:
    """A consultation dropped from memory is read again from its file: a file it names that has
    become a link to one outside the source directory since is refused then too."""
    import os

    from pubcomment.env.domain import DeclaredConsultation

    srcdir, outside = tmp_path / "src", tmp_path / "outside"
    srcdir.mkdir()
    outside.mkdir()
    head = VALID.split("opinions:")[0]
    (srcdir / "data.yaml").write_text(head + "opinions: opinions.csv\n", encoding="utf-8")
    (srcdir / "opinions.csv").write_text("No,項目,区分,意見の要旨,本市の考え方\n1,t1,A,見本の意見,見本の考え方\n", encoding="utf-8")
    (outside / "secret.csv").write_text("No,項目,区分,意見の要旨,本市の考え方\n1,t1,A,OUTSIDE-SECRET-見本,見本\n", encoding="utf-8")
    loaded = loader.load_file(srcdir / "data.yaml", root=srcdir)
    declared = DeclaredConsultation("index", 3, 0, loaded.consultation, loaded.files[0], root=str(srcdir))
    (srcdir / "opinions.csv").unlink()
    (srcdir / "opinions.csv").symlink_to(outside / "secret.csv")
    os.utime(srcdir / "data.yaml", ns=(1, 1))  # whatever the clock: the cached reading is not the file's now
    declared._consultation = None  # dropped, as after pickling (see env/domain.py)
    assert all("OUTSIDE-SECRET" not in opinion.summary for opinion in declared.consultation.opinions)
