"""Cases of the hostile-input corpus: workbooks read as a person sees them (core/sheets.py, core/workbook.py).

Each workbook is made here with openpyxl, its XML edited in the zip where
openpyxl cannot write what the case needs (a very hidden sheet, a declared
range, a shared-strings table, a link or a climbing name).  A case either
builds with its text intact, or stops with one clear warning at its place
(the cell, or the data's ``opinions:`` line for the file as a whole);
nothing aborts.  All text is synthetic (見本); the personal data is made up
(090-0000-xxxx, example.jp).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl

if TYPE_CHECKING:  # cases.py imports this module to list its generator: its names are taken when the cases are made
    from .cases import Case, Expect, Factory

HEADER = ["No", "項目", "区分", "意見の要旨", "本市の考え方"]
NAME = "opinions.xlsx"
SECRET = "見本 花子（090-0000-1234、hanako@example.jp）"
_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
# The size limit of one part of a workbook (core/workbook.py MAX_PART_BYTES).
MAX_PART_BYTES = 128 * 1024 * 1024


def row(no: int | str | None, summary: object, response: object = "見本の考え方です。") -> list[object]:
    return [no, "t", "A", summary, response]


def book(rows: list[list[object]], shape: Callable[[Any, Any], None] | None = None, title: str = "意見一覧") -> bytes:
    """A workbook of one sheet, ``shape(book, sheet)`` applied before it is saved."""
    made = openpyxl.Workbook()
    sheet = made.active
    sheet.title = title
    sheet.append(HEADER)
    for record in rows:
        sheet.append(record)
    if shape is not None:
        shape(made, sheet)
    buffer = io.BytesIO()
    made.save(buffer)
    return buffer.getvalue()


def edit(raw: bytes, parts: dict[str, Callable[[bytes], bytes]], more: dict[str, bytes] | None = None) -> bytes:
    """The workbook with some parts rewritten and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, parts.get(info.filename, lambda d: d)(data))
        for name, data in (more or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def hide(workbook: bytes, sheet: str, state: str) -> bytes:
    """workbook.xml with the sheet's state set (openpyxl writes none, or state="visible")."""
    element = re.compile(rb'<sheet\b[^>]*\bname="' + re.escape(sheet.encode()) + rb'"[^>]*?/>')
    match = element.search(workbook)
    assert match is not None, sheet
    tag = re.sub(rb'\sstate="[^"]*"', b"", match[0])
    return workbook.replace(match[0], tag[:-2].rstrip() + b' state="' + state.encode() + b'"/>')


def with_shared_strings(raw: bytes, strings: bytes, cell: str = "D2") -> bytes:
    """``cell`` made a reference to the first of ``strings`` (the <si> items of a shared-strings table)."""
    return edit(
        raw,
        {
            "[Content_Types].xml": lambda d: d.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            ),
            "xl/_rels/workbook.xml.rels": lambda d: d.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                b'Target="sharedStrings.xml"/></Relationships>',
            ),
            "xl/worksheets/sheet1.xml": lambda d: re.sub(
                rb'<c r="' + cell.encode() + rb'"[^>]*>.*?</c>', b'<c r="' + cell.encode() + b'" t="s"><v>0</v></c>', d
            ),
        },
        {"xl/sharedStrings.xml": strings},
    )


def case(
    id: str,
    cls: str,
    raw: bytes | None,
    *,
    name: str = NAME,
    expected: tuple[Expect, ...] = (),
    texts: tuple[str, ...] = (),
    withheld: tuple[str, ...] = (),
    note: str,
    setup: Callable[[Path], None] | None = None,
    printed: bool = True,
) -> Case:
    from .cases import Case, yaml_with_opinions_file

    data = yaml_with_opinions_file(name)
    return Case(
        id=id,
        cls=cls,
        consultation=":file: data.yaml",
        files={"data.yaml": data.encode("utf-8"), **({name: raw} if raw is not None else {})},
        expected=expected,
        texts=texts,
        check="data.yaml",
        setup=setup,
        note=note,
        printed=printed,
        withheld=withheld,
    )


def at_file(problem: str, words: str | None = None) -> Expect:
    """A problem of the workbook as a whole: at the data's ``opinions:`` line."""
    from .cases import Expect, line_of, yaml_with_opinions_file

    return Expect(problem, f"data.yaml:{line_of(yaml_with_opinions_file(NAME), 'opinions:')}", words)


def workbook_cases() -> Iterator[Factory]:
    from .cases import Expect

    def hidden_first_sheet(tag: str) -> Case:
        def shape(made: Any, sheet: Any) -> None:
            shown = made.create_sheet("意見一覧（公開）")
            shown.append(HEADER)
            shown.append(row(1, f"見本の意見{tag}は見えるシートにあります。"))
            sheet.sheet_state = "hidden"
            made.active = 1

        return case(
            "wb-hidden-first-sheet",
            "loss",
            book([row(1, f"見本の下書き{tag}：{SECRET}")], shape, title="下書き"),
            texts=(f"見本の意見{tag}は見えるシートにあります。",),
            withheld=(SECRET,),
            note="a hidden first sheet is not read: the first visible one is",
        )

    yield hidden_first_sheet

    def very_hidden_sheet(tag: str) -> Case:
        def shape(made: Any, sheet: Any) -> None:
            shown = made.create_sheet("意見一覧")
            shown.append(HEADER)
            shown.append(row(1, f"見本の意見{tag}です。"))
            made.active = 1

        raw = book([row(1, f"見本の控え{tag}：{SECRET}")], shape, title="控え")
        raw = edit(raw, {"xl/workbook.xml": lambda d: hide(d, "控え", "veryHidden")})
        return case(
            "wb-very-hidden-sheet",
            "loss",
            raw,
            texts=(f"見本の意見{tag}です。",),
            withheld=(SECRET,),
            note="a very hidden sheet (state=veryHidden, written by a macro) is not read",
        )

    yield very_hidden_sheet

    def only_hidden(tag: str) -> Case:
        def shape(made: Any, sheet: Any) -> None:
            other = made.create_sheet("意見一覧")
            other.append(HEADER)
            sheet.sheet_state = "hidden"
            made.active = 1

        raw = book([row(1, f"見本の意見{tag}：{SECRET}")], shape, title="下書き")
        # openpyxl keeps one sheet visible: the second is hidden in the XML
        raw = edit(raw, {"xl/workbook.xml": lambda d: hide(d, "意見一覧", "hidden")})
        return case(
            "wb-only-hidden-sheets",
            "loss",
            raw,
            expected=(at_file("file", "only hidden sheets"),),
            withheld=(SECRET,),
            note="every sheet hidden: pubcomment.file at opinions:, nothing read",
        )

    yield only_hidden

    def hidden_row(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet.row_dimensions[3].hidden = True

        rows = [row(1, f"見本の意見{tag}の一件目です。"), row(None, f"取り下げ：{SECRET}"), row(2, f"見本の意見{tag}の二件目です。")]
        return case(
            "wb-hidden-row",
            "loss",
            book(rows, shape),
            expected=(Expect("sheet", f"{NAME}:意見一覧!B3", "row 3 is hidden"),),
            texts=(f"見本の意見{tag}の一件目です。", f"見本の意見{tag}の二件目です。"),
            withheld=(SECRET,),
            note="a hidden row (a withdrawn opinion) is not read, and said at its first value",
        )

    yield hidden_row

    def hidden_column(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet["F1"] = "氏名"
            sheet["F2"] = SECRET
            sheet.column_dimensions["F"].hidden = True

        return case(
            "wb-hidden-column",
            "loss",
            book([row(1, f"見本の意見{tag}です。")], shape),
            expected=(Expect("sheet", f"{NAME}:意見一覧!F1", "column F is hidden"),),
            withheld=(SECRET,),
            note="a hidden column (氏名) is not read, and said at its title",
        )

    yield hidden_column

    def merged_across_response(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet.merge_cells("D3:E3")

        rows = [row(1, f"見本の意見{tag}の一件目です。"), row(2, f"見本の意見{tag}は考え方の欄まで結合されています。", None)]
        return case(
            "wb-merged-summary-across-response",
            "loss",
            book(rows, shape),
            expected=(
                Expect("sheet", f"{NAME}:意見一覧!D3", "merged across the columns '意見の要旨' and '本市の考え方'"),
                Expect("required", f"{NAME}:意見一覧!E3"),
            ),
            note="a 要旨 merged over the 考え方 column is not published as the answer: said at D3, and the answer is missing",
        )

    yield merged_across_response

    def merged_response_rows(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet.merge_cells("E2:E3")

        rows = [
            row(1, f"見本の意見{tag}の一件目です。", f"見本のまとめた考え方{tag}です。"),
            row(2, f"見本の意見{tag}の二件目です。", None),
        ]
        return case(
            "wb-merged-response-rows",
            "loss",
            book(rows, shape),
            expected=(Expect("sheet", f"{NAME}:意見一覧!E2", "merged over rows 2 to 3"),),
            note="one 考え方 merged over two opinions: read as the answer to each, with a warning",
        )

    yield merged_response_rows

    def numbers(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet["D2"].number_format = "0%"
            sheet["D3"].number_format = "0"
            sheet["D4"].number_format = "#,##0"
            sheet["D5"].number_format = "@"
            sheet["D6"].number_format = "@"

        rows = [row(1, 0.5), row(2, 1), row(3, 1234567), row(4, "0012345678901234567890"), row(5, f"見本の意見{tag}です。")]
        # openpyxl writes a big int as a float; an export writes its digits, as here
        raw = edit(
            book(rows, shape),
            {"xl/worksheets/sheet1.xml": lambda d: re.sub(rb"(<c r=\"D3\"[^>]*><v>)1(</v>)", rb"\g<1>1234567890123456789\2", d)},
        )
        return case(
            "wb-numbers-as-shown",
            "loss",
            raw,
            texts=("50%", "1234567890123456789", "1,234,567", "0012345678901234567890", f"見本の意見{tag}です。"),
            note="50% is 50%, a 19-digit number keeps every digit, 1,234,567 its separators",
        )

    yield numbers

    def dates(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet["D2"].number_format = 'yyyy"年"m"月"d"日"'
            sheet["D3"].number_format = "yyyy/m/d"
            sheet["D4"].number_format = "yyyy/m/d h:mm"

        rows = [
            row(1, dt.datetime(2025, 12, 3)),
            row(2, dt.datetime(2026, 1, 5)),
            row(3, dt.datetime(2025, 12, 24, 9, 30)),
            row(4, f"見本の意見{tag}です。"),
        ]
        return case(
            "wb-dates-as-shown",
            "loss",
            book(rows, shape),
            texts=("2025年12月3日", "2026/1/5", "2025/12/24 9:30", f"見本の意見{tag}です。"),
            note="a date cell is the date its format shows, not a serial number",
        )

    yield dates

    def unread_format(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet["D2"].number_format = "0.00E+00"

        return case(
            "wb-number-format-not-read",
            "loss",
            book([row(1, 12345), row(2, f"見本の意見{tag}です。")], shape),
            expected=(Expect("sheet", f"{NAME}:意見一覧!D2", "number format '0.00E\\+00'"),),
            texts=("12345", f"見本の意見{tag}です。"),
            note="a number format not read: the number as General shows it, said at the cell",
        )

    yield unread_format

    def far_cell(tag: str) -> Case:
        def shape(_made: Any, sheet: Any) -> None:
            sheet["XFD1048576"] = "見本"

        return case(
            "wb-cell-at-xfd1048576",
            "traceback",
            book([row(1, f"見本の意見{tag}です。")], shape),
            expected=(at_file("limit", "XFD1048576"),),
            note="one cell at XFD1048576 (calamine asked for 512 GiB and aborted): pubcomment.limit before it reads",
        )

    yield far_cell

    def declared_range(tag: str) -> Case:
        raw = book([row(1, f"見本の意見{tag}です。")])
        raw = edit(raw, {"xl/worksheets/sheet1.xml": lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', d)})
        return case(
            "wb-declared-range-xfd",
            "traceback",
            raw,
            expected=(at_file("limit", "declares its used range"),),
            note="a sheet declaring A1:XFD1048576: pubcomment.limit before a cell is read",
        )

    yield declared_range

    def declared_strings(tag: str) -> Case:
        strings = f'<sst {_MAIN} count="4000000000" uniqueCount="4000000000"><si><t>見本の意見{tag}です。</t></si></sst>'
        return case(
            "wb-shared-strings-count",
            "traceback",
            with_shared_strings(book([row(1, "仮")]), strings.encode()),
            expected=(at_file("limit", "shared strings declare"),),
            note="a shared-strings table declaring four billion strings (calamine reserved 96 GB and aborted): pubcomment.limit",
        )

    yield declared_strings

    def strings_bomb(tag: str) -> Case:
        def setup(directory: Path) -> None:
            head = f"<sst {_MAIN}><si><t>見本の意見{tag}です。</t></si>".encode()
            filler = b"<si><t>" + b"x" * 1000 + b"</t></si>"
            count = (MAX_PART_BYTES - 4096 - len(head)) // len(filler)
            strings = head + filler * count + b"</sst>"
            assert MAX_PART_BYTES - 8192 < len(strings) <= MAX_PART_BYTES
            (directory / NAME).write_bytes(with_shared_strings(book([row(1, "仮")]), strings))

        return case(
            "wb-shared-strings-just-under-limit",
            "traceback",
            None,
            texts=(f"見本の意見{tag}です。",),
            setup=setup,
            printed=False,
            note="a shared-strings table inflating to just under the part limit (128 MiB) is read, without aborting",
        )

    yield strings_bomb

    def strings_over(tag: str) -> Case:
        def setup(directory: Path) -> None:
            strings = f"<sst {_MAIN}><si><t>見本の意見{tag}です。</t></si>".encode() + b" " * MAX_PART_BYTES + b"</sst>"
            (directory / NAME).write_bytes(with_shared_strings(book([row(1, "仮")]), strings))

        return case(
            "wb-shared-strings-over-limit",
            "traceback",
            None,
            expected=(at_file("limit", "sharedStrings.xml unpacks to"),),
            setup=setup,
            note="a shared-strings table inflating past the part limit (128 MiB): pubcomment.limit before it is unpacked",
        )

    yield strings_over

    def empty_sheet(tag: str) -> Case:
        raw = edit(book([row(1, f"見本の意見{tag}です。")]), {"xl/worksheets/sheet1.xml": lambda _d: b""})
        return case(
            "wb-zero-byte-sheet",
            "traceback",
            raw,
            expected=(at_file("syntax", "cannot be read as a workbook"),),
            note="a sheet part of 0 bytes: one pubcomment.syntax, no traceback",
        )

    yield empty_sheet

    def climbing_name(tag: str) -> Case:
        raw = edit(
            book([row(1, f"見本の意見{tag}です。")]),
            {"xl/_rels/workbook.xml.rels": lambda d: d.replace(b"worksheets/sheet1.xml", b"../../../../etc/passwd")},
            {"../../../../etc/passwd": b"root:x:0:0"},
        )
        return case(
            "wb-part-named-outside",
            "outside",
            raw,
            expected=(at_file("syntax", "outside the workbook"),),
            note="a part named ../../../../etc/passwd (and the sheet pointing at it): refused, nothing read from the disk",
        )

    yield climbing_name

    def linked_sheet(tag: str) -> Case:
        good = book([row(1, f"見本の意見{tag}です。")])
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                if info.filename == "xl/worksheets/sheet1.xml":
                    link = zipfile.ZipInfo(info.filename)
                    link.external_attr = (stat.S_IFLNK | 0o777) << 16
                    target.writestr(link, b"/etc/passwd")
                else:
                    target.writestr(info, source.read(info.filename))
        return case(
            "wb-sheet-is-a-link",
            "outside",
            out.getvalue(),
            expected=(at_file("syntax", "holds a link"),),
            note="a sheet stored as a symbolic link to /etc/passwd: refused, nothing read from the disk",
        )

    yield linked_sheet

    def ods_hidden(tag: str) -> Case:
        def table(name: str, rows: list[str], style: str = "") -> str:
            cells = "".join(f"<table:table-row{r}</table:table-row>" for r in rows)
            return f'<table:table table:name="{name}"{style}>{cells}</table:table>'

        def cells(*values: str) -> str:
            return ">" + "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>' for v in values)

        head = cells(*HEADER)
        content = (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
            '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
            "<office:body><office:spreadsheet>"
            + table("下書き", [head, cells("1", "t", "A", SECRET, "見本")], ' table:style-name="ta2"')
            + table(
                "意見一覧",
                [
                    head,
                    cells("1", "t", "A", f"見本の意見{tag}です。", "見本の考え方です。"),
                    ' table:visibility="collapse"' + cells("", "t", "A", SECRET, "見本"),
                ],
            )
            + "</office:spreadsheet></office:body></office:document-content>"
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", content)
        return case(
            "wb-ods-hidden-table-and-row",
            "loss",
            out.getvalue(),
            name="opinions.ods",
            expected=(Expect("sheet", "opinions.ods:意見一覧!B3", "row 3 is hidden"),),
            texts=(f"見本の意見{tag}です。",),
            withheld=(SECRET,),
            note="an .ods: its hidden first table and its hidden row are not read",
        )

    yield ods_hidden
