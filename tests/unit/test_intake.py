"""pubcomment import and export: from a raw export to the data files, and a round trip through Excel that loses nothing."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
from pathlib import Path

import openpyxl
import pytest

from pubcomment.cli import main
from pubcomment.core import formulas, intake, loader
from pubcomment.core.model import Category, Consultation, Opinion, Topic

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "source" / "results" / "data" / "consultation.yaml"
# What says where an opinion was read, not what it is.
PLACE_FIELDS = {"line", "origin", "places"}


def fields_of(opinion: Opinion) -> dict[str, object]:
    return {f.name: getattr(opinion, f.name) for f in dataclasses.fields(opinion) if f.name not in PLACE_FIELDS}


def with_opinions_file(text: str, name: str) -> str:
    """A consultation file's text with its inline opinions replaced by ``opinions: name``."""
    return re.sub(r"^opinions:\n(?:(?:  .*|\s*)\n)*", f"opinions: {name}\n\n", text, flags=re.MULTILINE)


def test_the_sample_data_round_trips_through_the_working_sheet(tmp_path: Path) -> None:
    original = loader.load_file(SAMPLE)
    assert original.problems == () and len(original.consultation.opinions) == 10
    work = tmp_path / "data"
    work.mkdir()
    assert main(["export", str(SAMPLE), "--xlsx", str(work / "working.xlsx"), "--root", str(ROOT)]) == 0
    text = SAMPLE.read_text(encoding="utf-8")
    # The build reads the working sheet directly …
    (work / "from-sheet.yaml").write_text(with_opinions_file(text, "working.xlsx"), encoding="utf-8")
    # … and pubcomment import reads it back into opinions.csv (the consultation file is left alone).
    (work / "consultation.yaml").write_text(with_opinions_file(text, "opinions.csv"), encoding="utf-8")
    kept = (work / "consultation.yaml").read_bytes()
    assert main(["import", str(work / "working.xlsx"), "--out", str(work)]) == 0
    assert (work / "consultation.yaml").read_bytes() == kept
    assert (work / "opinions.csv").read_bytes().startswith(codecs.BOM_UTF8)
    for name in ("from-sheet.yaml", "consultation.yaml"):
        loaded = loader.load_file(work / name)
        assert loaded.problems == (), (name, loaded.problems)
        assert [fields_of(o) for o in loaded.consultation.opinions] == [fields_of(o) for o in original.consultation.opinions], name
    # Exported again from what was read back: the same file, byte for byte.
    again = io.BytesIO()
    intake.write_workbook(loader.load_file(work / "consultation.yaml").consultation, again)
    assert again.getvalue() == (work / "working.xlsx").read_bytes()


def generated(count: int) -> Consultation:
    """Opinions with what a cell can get wrong: line breaks, a leading 全角 space, a formula-looking text,
    digits that must stay text, notes, sections, 同趣旨 counts, opinions out of scope."""
    opinions = []
    for number in range(1, count + 1):
        opinion = Opinion(
            number=number,
            summary=f"　見本の御意見{number}です。\n\n二段落目（※）。"
            if number % 7 == 0
            else f"見本の御意見{number}。" + "文" * (number % 300),
            response="=SUM(A1:A2) は数式ではなく文字です。" if number % 1000 == 1 else f"見本の考え方{number}。\n改行のある考え方です。",
            category="ABCDE"[number % 5],
            topic=f"t{number % 4}",
            submission=f"{number // 3:05d}",
            summary_notes=[f"注{number}"] if number % 7 == 0 else [],
            sections=["plan-a", "plan-b"] if number % 11 == 0 else [],
            numbered=True,
        )
        if number % 13 == 0:
            opinion.originals = [f"受付{number}", f"受付{number + 1}"]
            opinion.count = 2
        elif number % 17 == 0:
            opinion.count = 12
        opinion.in_scope = number % 19 != 0
        if not opinion.in_scope:
            opinion.topic = ""
        opinions.append(opinion)
    return Consultation(
        title="見本",
        body_name="見本市",
        self_reference="本市",
        plan="",
        start=None,
        end=None,
        opinions=opinions,
        categories=[Category(key, key.lower()) for key in "ABCDE"],
        topics=[Topic(f"t{i}", str(i)) for i in range(4)],
    )


HEAD = (
    "title: 見本\n"
    "body: {name: 見本市}\n"
    "period: {start: 2025-12-03, end: 2026-01-05}\n"
    "categories: [{key: A, description: a}, {key: B, description: b}, {key: C, description: c}, "
    "{key: D, description: d}, {key: E, description: e}]\n"
    "topics: [{id: t0, title: 0}, {id: t1, title: 1}, {id: t2, title: 2}, {id: t3, title: 3}]\n"
)


def test_ten_thousand_opinions_round_trip(tmp_path: Path) -> None:
    """Export, import (which reads the sheet as the build does), load, export again.

    How long it takes is bench/excel.py's business: a timed test fails on a loaded machine."""
    consultation = generated(10_000)
    expected = [fields_of(o) for o in consultation.opinions]
    assert intake.write_workbook(consultation, tmp_path / "working.xlsx") == 10_000
    report = intake.import_opinions(tmp_path / "working.xlsx", tmp_path)
    assert report.rows_read == 10_000 and report.skipped == [] and report.problems == []
    (tmp_path / "consultation.yaml").write_text(HEAD + "opinions: opinions.csv\n", encoding="utf-8")
    from_csv = loader.load_file(tmp_path / "consultation.yaml")
    assert from_csv.problems == ()
    assert [fields_of(o) for o in from_csv.consultation.opinions] == expected
    again = io.BytesIO()
    intake.write_workbook(from_csv.consultation, again)
    assert again.getvalue() == (tmp_path / "working.xlsx").read_bytes()


def test_a_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    consultation = generated(1)
    intake.write_workbook(consultation, tmp_path / "w.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "w.xlsx").active
    assert sheet is not None
    cell = sheet.cell(2, [c.value for c in sheet[1]].index("本市の考え方") + 1)
    assert cell.data_type == "s" and str(cell.value).startswith("=SUM")
    assert cell.quotePrefix  # and stays text when staff edit it


FORMULAS = ["=HYPERLINK(\"http://example.jp\",\"見本\")", "@SUM(A1:A9)", "=1+1", "+81 44 000 0000", "-5", "\t=1", "＝見本", "＋1",
            "－1", "＠見本", " =1+1", "\u3000＠見本", "'plain"]  # fmt: skip


def test_import_writes_no_formula_and_the_build_reads_the_texts_back(tmp_path: Path) -> None:
    """Every text of the import's CSV that a spreadsheet would run starts with an apostrophe; reading it gives the text."""
    rows = [["番号", "意見の要旨", "本市の考え方"]] + [[str(n), f"見本{text}", text] for n, text in enumerate(FORMULAS, 1)]
    rows += [[str(len(FORMULAS) + 1), "=見本の要旨", "考え方"]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    intake.import_opinions(tmp_path / "export.csv", tmp_path / "data")
    written = list(csv.reader(io.StringIO((tmp_path / "data" / "opinions.csv").read_text(encoding="utf-8-sig"))))
    titles = written[0]
    for row in written[1:]:
        for cell in row:
            assert not cell.lstrip(" \u3000\n").startswith(formulas.FORMULA_STARTS), cell
    assert [r[titles.index("本市の考え方")] for r in written[1:-1]] == ["'" + text for text in FORMULAS[:-1]] + ["'plain"]
    loaded = loader.load_file(tmp_path / "data" / "consultation.yaml")
    assert [o.response for o in loaded.consultation.opinions][:-1] == [text.strip("\r\n") for text in FORMULAS]
    assert loaded.consultation.opinions[-1].summary == "=見本の要旨"


def test_import_leaves_out_every_column_that_names_who_submitted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        ["受付番号", "提出者", "氏名又は名称", "住所・所在地", "電話番号", "E-mail", "御意見"],
        ["R-001", "見本 提出太郎", "見本 氏名花子", "見本県見本市1-2-3", "090-0000-0001", "mihon@example.jp", "見本の御意見です。"],
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    (tmp_path / "export.csv").write_text(buffer.getvalue(), encoding="utf-8")
    # Even when told to copy one as a field, it is not.
    assert main(["import", str(tmp_path / "export.csv"), "--out", str(tmp_path / "data"), "--column", "受付番号=submission",
                 "--column", "提出者=submission"]) == 0  # fmt: skip
    report = capsys.readouterr().out
    for title in rows[0][1:6]:  # 提出者 is taken by 受付番号 → submission: not read as ids either
        assert f"{tmp_path / 'export.csv'}:1: column {title!r} may identify who submitted" in report, title
    assert "5 column(s) that may identify who submitted not copied" in report
    written = (tmp_path / "data" / "opinions.csv").read_text(encoding="utf-8-sig")
    for value in rows[1][1:6]:
        assert value not in written
    assert "R-001" in written and "見本の御意見です。" in written


def test_a_town_s_sheet_heads_the_answer_with_its_own_name(tmp_path: Path) -> None:
    consultation = dataclasses.replace(generated(3), self_reference="本町")
    intake.write_workbook(consultation, tmp_path / "w.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "w.xlsx").active
    assert sheet is not None and "本町の考え方" in [c.value for c in sheet[1]]
    report = intake.import_opinions(tmp_path / "w.xlsx", tmp_path)
    assert report.rows_read == 3 and report.problems == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16"])
def test_import_a_raw_export(tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A form's export: its own column titles, personal data, an empty and an 意見-less row."""
    delimiter = "\t" if encoding == "utf-16" else ","
    rows = [
        ["受付番号", "受付日時", "氏名", "御意見"],
        ["R-001", "2025-12-04 10:00", "見本 太郎", "一段落目。\n\n二段落目。"],
        ["", "", "", ""],
        ["R-002", "2025-12-05 11:00", "見本 花子", ""],
        ["R-003", "2025-12-06 12:00", "見本 次郎", "　全角の空白で始まる御意見。"],
    ]
    text = "\r\n".join(delimiter.join(f'"{cell}"' if "\n" in cell else cell for cell in row) for row in rows) + "\r\n"
    source = tmp_path / "export.csv"
    source.write_bytes(text.encode(encoding))
    out = tmp_path / "data"
    assert main(["import", str(source), "--out", str(out), "--column", "受付番号=submission", "--column", "受付日時="]) == 0
    report = capsys.readouterr().out
    assert "3 row(s) read, 2 opinion(s) written, 1 row(s) skipped" in report
    assert f"skipped: {source}:6: no 意見の要旨" in report  # the row after the empty line, as the file counts lines
    assert "column '氏名' may identify who submitted" in report
    assert "numbered 1 to 2" in report
    written = (out / "opinions.csv").read_bytes().decode("utf-8-sig")
    assert "見本 太郎" not in written and "2025-12-04" not in written
    assert written.splitlines()[0] == "番号,項目ID,対応区分,意見の要旨,本市の考え方,提出ID"
    skeleton = (out / "consultation.yaml").read_text(encoding="utf-8")
    assert "opinions: opinions.csv" in skeleton
    loaded = loader.load_file(out / "consultation.yaml")
    assert [(o.number, o.submission, o.summary) for o in loaded.consultation.opinions] == [
        (1, "R-001", "一段落目。\n\n二段落目。"),
        (2, "R-003", "　全角の空白で始まる御意見。"),
    ]
    # Not yet publishable: the skeleton's blanks and the missing 考え方 and 区分 are problems for check.
    messages = " / ".join(p.message for p in loaded.problems)
    assert "'period' needs 'start'" in messages and "needs a non-empty 'response'" in messages and "needs a 'category'" in messages


def test_import_of_a_file_that_cannot_be_read_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "export.xlsx").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    assert main(["import", str(tmp_path / "export.xlsx"), "--out", str(tmp_path / "data")]) == 1
    assert "encrypted (saved with a password)" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()
    assert main(["import", str(tmp_path / "export.xlsx"), "--out", str(tmp_path), "--column", "受付番号=受付"]) == 2


def test_export_refuses_data_it_could_not_read_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c.yaml").write_text(HEAD + "opinions:\n  - {summary: a, response: b, colour: red}\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "c.yaml"), "--xlsx", str(tmp_path / "w.xlsx")]) == 1
    assert "not all of the data could be read" in capsys.readouterr().err and not (tmp_path / "w.xlsx").exists()
