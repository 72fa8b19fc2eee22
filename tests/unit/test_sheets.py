"""Opinions read from a workbook: the values Excel shows, every problem at its cell, never a traceback."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pubcomment.cli import main
from pubcomment.core import loader
from pubcomment.core.csvdata import FIELDS
from pubcomment.core.numfmt import format_number
from pubcomment.core.problems import Subtype
from pubcomment.core.schema import OPINION_KEYS
from pubcomment.core.sheets import cell_name, column_letter, parse_opinion_sheet

HEAD = """\
title: 見本
body: {name: 見本市}
period: {start: 2025-12-03, end: 2026-01-05}
categories:
  - {key: A, description: 反映}
  - {key: B, description: 推進}
"""


def workbook(rows: list[list[object]], *, title: str = "意見一覧", merged: tuple[str, ...] = (), more: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    for name in more:
        extra = book.create_sheet(name)
        extra.append(["No", "意見の要旨", "本市の考え方"])
        extra.append([1, "二枚目の要旨", "考え方"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods(rows: list[list[object]], title: str = "意見一覧") -> bytes:
    """A minimal OpenDocument spreadsheet (no ODS writer is a dependency)."""

    def cell(value: object) -> str:
        if isinstance(value, (int, float)):
            # The text a cell shows, as LibreOffice writes it (2.0 in General shows 2).
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value:g}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(map(cell, row)) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{title}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
        )
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def load(tmp_path: Path, raw: bytes, opinions: str = "opinions: ops.xlsx", name: str = "ops.xlsx") -> loader.Loaded:
    (tmp_path / name).write_bytes(raw)
    (tmp_path / "c.yaml").write_text(HEAD + opinions + "\n", encoding="utf-8")
    return loader.load_file(tmp_path / "c.yaml")


def placed(loaded: loader.Loaded) -> list[tuple[str, str]]:
    """(subtype, where) of each problem, the file as its name only."""
    return [(p.subtype.value, p.where().rsplit("/", 1)[-1]) for p in loaded.problems]


def test_columns_letters_and_cell_names() -> None:
    assert [column_letter(i) for i in (0, 2, 25, 26, 27, 701, 702)] == ["A", "C", "Z", "AA", "AB", "ZZ", "AAA"]
    assert cell_name("意見一覧", 12, 2) == "意見一覧!C12"
    assert cell_name("Sheet 1", 3, 0) == "'Sheet 1'!A3"
    assert cell_name("it's", 3, 0) == "'it''s'!A3"


def test_every_header_title_names_an_opinion_field() -> None:
    """One table for CSV and sheets: each title is an opinion key, and every key but one has a title."""
    assert FIELDS == OPINION_KEYS


def test_values_as_excel_shows_them(tmp_path: Path) -> None:
    raw = workbook(
        [
            ["見本の意見一覧（令和7年12月受付）"],  # a title row above the header
            [],
            ["Ｎｏ.", "対応区分", "御意見", "回答", "受付番号", None, None],
            [1.0, "A", "一行目\n二行目", "考え方", 12.0],
            ["２", None, "要旨", dt.datetime(2025, 12, 3), 13],
            [3, None, "要旨3", dt.datetime(2025, 12, 3, 10, 30), 12.5],
            [],
            [None, None, None, None],
        ],
        merged=("B4:B6",),
    )
    loaded = load(tmp_path, raw, "opinions:\n  file: ops.xlsx\n  columns: {受付番号: submission}")
    assert loaded.problems == ()
    opinions = loaded.consultation.opinions
    assert [o.number for o in opinions] == [1, 2, 3]  # 1.0 and a full-width ２
    assert [o.category for o in opinions] == ["A", "A", "A"]  # merged over the three rows
    assert opinions[0].summary == "一行目\n二行目"  # Alt+Enter
    # openpyxl gives a datetime the format yyyy-mm-dd h:mm:ss, and Excel shows it so
    assert [o.response for o in opinions[1:]] == ["2025-12-03 0:00:00", "2025-12-03 10:30:00"]
    assert [o.submission for o in opinions] == ["12", "13", "12.5"]
    assert str(opinions[0].line) == "意見一覧!A4"


@pytest.mark.parametrize("title", ["本町の考え方", "県の考え方", "当省の考え方", "御意見に対する考え方", "本村の考え方"])
def test_the_answer_is_headed_with_any_body_s_name(tmp_path: Path, title: str) -> None:
    loaded = load(tmp_path, workbook([["No", "区分", "意見の要旨", title], [1, "A", "要旨", "考え方"]]))
    assert loaded.problems == ()
    assert loaded.consultation.opinions[0].response == "考え方"


def test_a_key_typed_full_width_is_named_with_the_one_defined(tmp_path: Path) -> None:
    """Ｂ from the input method is not B (a key is matched as written), and the warning says which was meant."""
    loaded = load(tmp_path, workbook([["No", "区分", "意見の要旨", "本市の考え方"], [1, "Ｂ", "要旨", "考え方"]]))
    assert [(p.subtype.value, p.message) for p in loaded.problems] == [
        ("category", "opinion 1: unknown category 'Ｂ' (categories: A、B); did you mean 'B'?")
    ]


def test_problems_are_at_their_cells(tmp_path: Path) -> None:
    raw = workbook(
        [
            ["No", "区分", "意見の要旨", "本市の考え方", "氏名", "意見の概要"],
            [1, "Z", "要旨", "考え方", "見本 太郎"],
            [1, "B", "要旨\u202e", None],
            [3, None, "要旨", "考え方", None, None, "欄外"],
        ]
    )
    loaded = load(tmp_path, raw)
    assert sorted(placed(loaded)) == sorted(
        [
            ("privacy", "ops.xlsx:意見一覧!E1"),  # 氏名: never read, said once
            ("syntax", "ops.xlsx:意見一覧!F1"),  # a second column for 'summary'
            ("text", "ops.xlsx:意見一覧!C3"),
            ("syntax", "ops.xlsx:意見一覧!G4"),  # a value under no title
            ("category", "ops.xlsx:意見一覧!B2"),
            ("required", "ops.xlsx:意見一覧!D3"),  # no 考え方
            ("required", "ops.xlsx:意見一覧!B4"),  # no 区分
            ("number", "ops.xlsx:意見一覧!A3"),  # 1 twice
            ("number", "ops.xlsx:意見一覧!A2"),  # 2 skipped
        ]
    ), placed(loaded)
    assert all("見本 太郎" not in o.summary + o.response + o.submission for o in loaded.consultation.opinions)


def test_the_sheet_by_name_or_position(tmp_path: Path) -> None:
    raw = workbook([["No", "意見の要旨", "本市の考え方"], [1, "表紙の要旨", "考え方"]], title="表紙", more=("意見一覧",))
    assert [o.summary for o in load(tmp_path, raw).consultation.opinions] == ["表紙の要旨"]  # the first sheet
    for sheet in ("意見一覧", "2", "２"):
        loaded = load(tmp_path, raw, f"opinions: {{file: ops.xlsx, sheet: '{sheet}'}}")
        assert [o.summary for o in loaded.consultation.opinions] == ["二枚目の要旨"], sheet
    missing = load(tmp_path, raw, "opinions:\n  file: ops.xlsx\n  sheet: 意見")
    # The file as a whole: where it is named.
    assert [(p.subtype, p.line, p.origin) for p in missing.problems] == [(Subtype.FILE, 8, str(tmp_path / "c.yaml"))]
    assert "no sheet '意見' (sheets: 表紙、意見一覧)" in missing.problems[0].message


def test_the_mapping_of_columns_is_checked(tmp_path: Path) -> None:
    raw = workbook([["No", "区分", "意見の要旨", "本市の考え方", "受付番号"], [1, "A", "要旨", "考え方", "R1"]])
    loaded = load(tmp_path, raw, "opinions:\n  file: ops.xlsx\n  columns: {受付番号: submision}")
    assert [(p.subtype.value, p.line) for p in loaded.problems] == [("type", 9), ("unknown_key", 1)]
    assert "did you mean 'submission'" in loaded.problems[0].message
    left_out = load(tmp_path, raw, "opinions:\n  file: ops.xlsx\n  columns: {受付番号: null}")
    assert left_out.problems == () and left_out.consultation.opinions[0].submission == ""


@pytest.mark.parametrize(
    ("raw", "subtype", "words"),
    [
        (b"PK\x03\x04 not really a zip", Subtype.SYNTAX, "damaged workbook"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504), Subtype.FILE, "encrypted (saved with a password)"),
        (b"No,summary\n1,x\n", Subtype.SYNTAX, "not a workbook"),
        ("half", Subtype.SYNTAX, "damaged workbook"),
        ("broken sheet", Subtype.SYNTAX, "cannot be read as a workbook"),
    ],
)
def test_a_file_that_is_no_readable_workbook_is_one_problem(tmp_path: Path, raw: bytes | str, subtype: Subtype, words: str) -> None:
    good = workbook([["No", "意見の要旨", "本市の考え方"], [1, "要旨", "考え方"]])
    if raw == "half":
        raw = good[: len(good) // 2]
    elif raw == "broken sheet":
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                data = source.read(info.filename)
                target.writestr(info, data[:60] if info.filename == "xl/worksheets/sheet1.xml" else data)
        raw = buffer.getvalue()
    assert isinstance(raw, bytes)
    loaded = load(tmp_path, raw)
    assert [(p.subtype, p.line) for p in loaded.problems] == [(subtype, 7)], loaded.problems
    assert words in loaded.problems[0].message and loaded.consultation.opinions == []


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"")
    raw = bytearray(buffer.getvalue())
    # The central directory claims 3 GiB unpacked (offset 24 of the entry's record).
    central = raw.rindex(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (3 << 30).to_bytes(4, "little")
    rows, found = parse_opinion_sheet(bytes(raw), "ops.xlsx")
    assert rows is None and [p.subtype for p in found] == [Subtype.LIMIT]


def test_an_opendocument_spreadsheet(tmp_path: Path) -> None:
    raw = ods([["番号", "区分", "意見の要旨", "市の考え方"], [1, "A", "要旨", "考え方"], [2.0, "Q", "要旨2", "考え方2"]])
    loaded = load(tmp_path, raw, "opinions: ops.ods", name="ops.ods")
    assert [o.number for o in loaded.consultation.opinions] == [1, 2]
    assert placed(loaded) == [("category", "ops.ods:意見一覧!B3")]


def test_check_prints_the_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    load(tmp_path, workbook([["No", "区分", "意見の要旨", "本市の考え方"], [1, "Z", "要旨", "考え方"]]))
    assert main(["check", str(tmp_path / "c.yaml")]) == 1
    assert f"{tmp_path / 'ops.xlsx'}:意見一覧!B2: opinion 1: unknown category 'Z'" in capsys.readouterr().err


def test_a_workbook_is_no_consultation_file(tmp_path: Path) -> None:
    (tmp_path / "c.xlsx").write_bytes(workbook([["title"], ["見本"]]))
    loaded = loader.load_file(tmp_path / "c.xlsx")
    assert not loaded.usable and [p.subtype for p in loaded.problems] == [Subtype.FILE]


@pytest.mark.parametrize(
    ("raw", "code", "shown"),
    [
        ("0.5", "0%", "50%"),
        ("0.125", "0.00%", "12.50%"),
        ("1234567890123456789", "General", "1234567890123456789"),
        ("1234567890123456789", "0", "1234567890123456789"),
        ("1234567.891", "#,##0", "1,234,568"),
        ("1234567.891", "#,##0.00", "1,234,567.89"),
        ("-1234.5", "#,##0;[Red]-#,##0", "-1,235"),
        ("-1234.5", '#,##0;"▲"#,##0', "▲1,235"),
        ("12", '0"件"', "12件"),
        ("12", "@", "12"),
        ("0.30000000000000004", "General", "0.3"),
        ("46000", "yyyy/m/d", "2025/12/9"),
        ("46000", 'yyyy"年"m"月"d"日"', "2025年12月9日"),
        ("46000.4375", "yyyy/m/d h:mm", "2025/12/9 10:30"),
        ("46000", "[$-411]yyyy/m/d aaa", "2025/12/9 火"),
        ("5", "0.00E+00", None),
        ("46000", '[$-411]ggge"年"m"月"d"日"', None),
    ],
)
def test_a_number_in_its_cell_s_format(raw: str, code: str, shown: str | None) -> None:
    assert format_number(raw, code) == shown


def hidden_workbook() -> bytes:
    book = openpyxl.Workbook()
    draft = book.active
    draft.title = "下書き"
    draft.append(["No", "意見の要旨", "本市の考え方"])
    draft.append([1, "下書きの要旨", "考え方"])
    draft.sheet_state = "hidden"
    sheet = book.create_sheet("意見一覧")
    for row in (
        ["No", "区分", "意見の要旨", "本市の考え方", "氏名"],
        [1, "A", "要旨1", "考え方1", "見本 太郎"],
        [None, "A", "取り下げ 090-0000-1234", "x"],
        [2, "A", "要旨2", "考え方2"],
    ):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["E"].hidden = True
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_what_the_sheet_hides_is_not_read_and_said_at_its_cell(tmp_path: Path) -> None:
    loaded = load(tmp_path, hidden_workbook())
    assert [o.summary for o in loaded.consultation.opinions] == ["要旨1", "要旨2"]  # the visible sheet, not row 3
    assert sorted(placed(loaded)) == [("sheet", "ops.xlsx:意見一覧!B3"), ("sheet", "ops.xlsx:意見一覧!E1")]
    everything = repr(loaded.consultation)
    assert "090-0000-1234" not in everything and "見本 太郎" not in everything and "下書きの要旨" not in everything


def test_a_hidden_sheet_is_never_chosen(tmp_path: Path) -> None:
    raw = hidden_workbook()
    named = load(tmp_path, raw, "opinions: {file: ops.xlsx, sheet: 下書き}")
    assert [p.subtype for p in named.problems] == [Subtype.FILE] and "is hidden" in named.problems[0].message
    first = load(tmp_path, raw, "opinions: {file: ops.xlsx, sheet: '1'}")  # the first sheet shown
    assert [o.summary for o in first.consultation.opinions] == ["要旨1", "要旨2"]


def test_a_merge_across_fields_is_not_read_as_the_other_field(tmp_path: Path) -> None:
    raw = workbook(
        [["No", "区分", "意見の要旨", "本市の考え方"], [1, "A", "要旨", "考え方"], [2, "A", "市民の文章", None]], merged=("C3:D3",)
    )
    loaded = load(tmp_path, raw)
    assert loaded.consultation.opinions[1].response == ""
    assert ("sheet", "ops.xlsx:意見一覧!C3") in placed(loaded)


def test_a_reader_that_aborts_ends_its_child_not_the_build() -> None:
    """calamine reserves what a shared-strings table declares: four billion strings abort it (SIGABRT)."""
    from pubcomment.core.sheets import _calamine_cells
    from pubcomment.core.workbook import SheetError, isolated
    from tests.hostile.cases_workbooks import book, row, with_shared_strings

    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    strings = f'<sst {main} count="4000000000" uniqueCount="4000000000"><si><t>見本</t></si></sst>'.encode()
    raw = with_shared_strings(book([row(1, "仮")]), strings)
    with pytest.raises(SheetError) as stopped:
        isolated(_calamine_cells, raw, "ops.xlsx", "意見一覧", name="ops.xlsx")
    assert stopped.value.problem.subtype is Subtype.FILE and "the reader stopped (signal 6" in str(stopped.value)
    rows, found = parse_opinion_sheet(raw, "ops.xlsx")  # and the check refuses it before calamine reads it
    assert rows is None and [p.subtype for p in found] == [Subtype.LIMIT]


@pytest.mark.parametrize("name", ["hidden", "merged", "numbers", "prefixed"])
def test_the_tags_and_expat_read_the_same_layout(name: str) -> None:
    """The fast reading of a sheet's tags, and expat where the XML is not as Excel writes it, see the same."""
    from pubcomment.core import workbook as parts
    from tests.hostile.cases_workbooks import book, edit, row

    def numbers(_book: object, sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        sheet["D2"].number_format = "0%"
        sheet["D3"].number_format = "yyyy/m/d"
        sheet["D4"].number_format = "0.00E+00"
        sheet.merge_cells("D5:E6")
        sheet.row_dimensions[5].hidden = True
        sheet.column_dimensions["B"].hidden = True

    raw = {
        "hidden": hidden_workbook(),
        "merged": workbook([["No", "意見の要旨", "本市の考え方"], [1, "要旨", None]], merged=("B2:C2", "A4:A9")),
        "numbers": book([row(1, 0.5), row(2, dt.datetime(2025, 12, 3)), row(3, 12345), row(4, "x"), row(5, "y")], numbers),
    }.get(name)
    if raw is None:  # the same sheet with a prefixed namespace: only expat reads it
        source = book([row(1, 0.5)], numbers)
        raw = edit(
            source,
            {
                "xl/worksheets/sheet1.xml": lambda d: re.sub(rb"<(/?)(?=[A-Za-z])", rb"<\1x:", d).replace(
                    b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="'
                )
            },
        )
    archive = parts.open_archive(raw, "ops.xlsx")
    sheets, date1904, found = parts.xlsx_sheets(archive, "ops.xlsx")
    info = next(sheet for sheet in sheets if not sheet.hidden)
    formats = parts.xlsx_formats(archive, found.get("styles"), "ops.xlsx")
    fast = parts.scan_xlsx_sheet(archive, info, formats, date1904, "ops.xlsx")
    slow = parts.scan_xlsx_sheet(archive, info, formats, date1904, "ops.xlsx", by_tags=False)
    assert fast == slow and (fast.numbers or fast.merged or fast.hidden_rows)
    data = archive.read(info.path)
    assert (parts._scan_tags(data, info, formats, date1904, "ops.xlsx") is None) == (name == "prefixed")
