"""Opinions kept in a workbook (.xlsx, .xlsm, .ods), read without an export to CSV.

A sheet becomes the same located rows as a CSV file (core/csvdata.py): the
first row that is not empty is the header, its titles are matched by the
one table of :data:`~.csvdata.HEADER_ALIASES` (or the data's own
``columns:``), every cell goes through the CSV path's checks (control
characters, list fields), and every value's line is a
:class:`~.located.CellLine` naming its cell, so that every problem is at
``opinions.xlsx:意見一覧!C12``.

A sheet is read as a person sees it in Excel:

* with no sheet named, the first sheet that is not hidden; a hidden sheet
  (hidden or "very hidden") is never read, and a position (``2``) counts
  the sheets whose tabs show;
* a number is the text its number format shows (``50%``, ``1,234``,
  ``2025/12/3``, core/numfmt.py); a number of many digits keeps every one;
  a format not read is shown as General, with a warning at the cell;
* TRUE and FALSE are ``TRUE`` and ``FALSE``, a line break typed with
  Alt+Enter stays a line break;
* a hidden row or column is not read, with a warning at its first value
  (a hidden row is usually a draft or a withdrawn opinion: publishing it
  would show what the sheet hides, dropping it silently would lose it);
* every cell of a merged range holds the value of the range's top-left cell
  (a 区分 merged over a run of rows is the 区分 of each), except a range
  across two columns that are read: that is one field's text overflowing
  into another's (a 要旨 merged over the 考え方 column would publish the
  citizen's text as the body's answer), so only its top-left cell holds the
  value, with a warning; a 考え方 merged over several rows is read as the
  answer of each, with a warning.

Empty rows, and empty columns after the last titled one, are left out.

The values of an .xlsx sheet are read by python-calamine (bench/excel.py:
five times faster than openpyxl on 10,000 rows), after core/workbook.py
has checked the file within its limits and read what calamine does not
give (hidden sheets, rows and columns, number formats); an .ods file is
read by core/workbook.py alone.  A file that is no workbook, is encrypted
(password-protected), passes a limit or has no such sheet is one problem
with no line; the caller reports it where the file is named.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from .csvdata import Columns, cell_value, field_name, header_fields, settle_id_columns
from .located import CellLine, Located
from .problems import Problem, Subtype
from .workbook import (
    MAX_UNPACKED_BYTES,
    Layout,
    SheetError,
    SheetInfo,
    check_shared_strings,
    is_opendocument,
    isolated,
    open_archive,
    read_ods,
    scan_xlsx_sheet,
    xlsx_formats,
    xlsx_sheets,
)

__all__ = ["MAX_UNPACKED_BYTES", "Grid", "SheetError", "parse_opinion_sheet", "read_grid", "rows_of"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
_ZIP = b"PK\x03\x04"
# An OLE compound file: what Excel writes for an encrypted (password-protected) .xlsx, and the old .xls.
_COMPOUND_FILE = bytes.fromhex("d0cf11e0a1b11ae1")
_PLAIN_SHEET_NAME = re.compile(r"\w+")
# calamine reads the values in a child process with its memory capped (core/workbook.py isolated()) when the sheet
# and the shared strings unpack to this much or more.  Below it the checks before calamine (extent, declared counts,
# parts) leave it no way to ask for more than a few hundred MB; above it a read within the limits may still take
# more than a build has left, and calamine aborts where Python would raise MemoryError.  The child (fork, the grid
# pickled back) costs 0.12-0.2 s on the 10,000 rows of bench/excel.py (23 MB unpacked), as much as calamine's own
# reading: that sheet is read in the process.
ISOLATE_FROM_BYTES = 32 * 1024 * 1024


def is_workbook(name: str) -> bool:
    return name.lower().endswith(WORKBOOK_SUFFIXES)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(sheet: str, row: int, column: int) -> str:
    """``意見一覧!C12`` (1-based row, 0-based column); a sheet name with spaces or signs is quoted as Excel does."""
    return f"{sheet_prefix(sheet)}{column_letter(column)}{row}"


def sheet_prefix(sheet: str) -> str:
    shown = sheet if _PLAIN_SHEET_NAME.fullmatch(sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{shown}!"


def cell_text(value: Any) -> str:
    """A cell's value as the text Excel shows for it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second and not value.microsecond else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second and not value.microsecond else "seconds")
    return str(value)


@dataclass
class Grid:
    """A sheet's cells as text from A1 (``cells[0][0]`` is A1), and what the sheet hides and merges."""

    cells: list[list[str]]
    layout: Layout = field(default_factory=Layout)


def read_grid(raw: bytes, name: str, sheet: str | None = None) -> tuple[str, Grid]:
    """The chosen sheet's name and its cells as they show, with what it hides and merges.

    ``sheet`` is a sheet's name, or its position among the sheets that show
    (``1`` the first) when no sheet has that name; the first sheet that shows
    when None.  Raises :class:`SheetError` for a file that cannot be read as a workbook."""
    if raw.startswith(_COMPOUND_FILE):
        raise SheetError(
            Subtype.FILE,
            f"{name} is encrypted (saved with a password) or is an Excel 97-2003 file: "
            "open it in Excel and save it as .xlsx without a password",
        )
    if not raw.startswith(_ZIP):
        raise SheetError(Subtype.SYNTAX, f"{name} is not a workbook (.xlsx, .xlsm and .ods files are zip archives; this is not one)")
    archive = open_archive(raw, name)
    if is_opendocument(archive):
        tables = read_ods(archive, name)
        chosen = _choose([info for info, _cells, _layout in tables], sheet, name)
        _info, cells, layout = next(table for table in tables if table[0] is chosen)
        return chosen.name, Grid(cells, layout)
    sheets, date1904, parts = xlsx_sheets(archive, name)
    chosen = _choose(sheets, sheet, name)
    check_shared_strings(archive, parts.get("sharedStrings"), name)
    layout = scan_xlsx_sheet(archive, chosen, xlsx_formats(archive, parts.get("styles"), name), date1904, name)
    size = sum(archive.getinfo(part).file_size for part in {chosen.path, parts.get("sharedStrings", "")} if part in archive.NameToInfo)
    if size >= ISOLATE_FROM_BYTES:
        cells = isolated(_calamine_cells, raw, name, chosen.name, name=name)
    else:
        cells = _calamine_cells(raw, name, chosen.name)
    for (row, column), shown in layout.numbers.items():
        if row < len(cells) and column < len(cells[row]):
            cells[row][column] = shown
    return chosen.name, Grid(cells, layout)


def _calamine_cells(raw: bytes, name: str, sheet: str) -> list[list[str]]:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        values = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except PasswordError as error:
        raise SheetError(Subtype.FILE, f"{name} is encrypted (saved with a password): save it without one") from error
    except BaseException as error:  # a hostile file must not stop the build; Rust panics are BaseExceptions
        if isinstance(error, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        raise SheetError(
            Subtype.SYNTAX,
            f"{name} cannot be read as a workbook ({type(error).__name__}: {error}): open it in Excel (or LibreOffice) and save it again",
        ) from error
    return [[cell_text(value) for value in row] for row in values]


def _choose(sheets: list[SheetInfo], sheet: str | None, name: str) -> SheetInfo:
    shown = [info for info in sheets if not info.hidden]
    hidden = [info.name for info in sheets if info.hidden]
    if not sheets:
        raise SheetError(Subtype.FILE, f"{name} has no sheet")
    if sheet is None:
        if not shown:
            raise SheetError(
                Subtype.FILE, f"{name} has only hidden sheets ({'、'.join(hidden)}): unhide the sheet of opinions in Excel to read it"
            )
        return shown[0]
    named = [info for info in sheets if info.name == sheet]
    if named and named[0].hidden:
        raise SheetError(Subtype.FILE, f"sheet {sheet!r} of {name} is hidden: unhide it in Excel to read it")
    if named:
        return named[0]
    position = sheet.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if position.isascii() and position.isdigit() and 1 <= int(position) <= len(shown):
        return shown[int(position) - 1]
    listing = "、".join(info.name for info in shown) + (f"; hidden: {'、'.join(hidden)}" if hidden else "")
    raise SheetError(
        Subtype.FILE,
        f"{name} has no sheet {sheet!r} (sheets: {listing}); name one, or give its position among the sheets shown (1 for the first)",
    )


def parse_opinion_sheet(
    raw: bytes, name: str, sheet: str | None = None, columns: Columns | None = None
) -> tuple[Located | None, list[Problem]]:
    """A sheet's rows as opinion mappings, as :func:`~.csvdata.parse_opinion_csv` makes them from CSV."""
    try:
        chosen, grid = read_grid(raw, name, sheet)
    except SheetError as error:
        return None, [error.problem]
    return rows_of(grid, chosen, columns)


def header_row(grid: list[list[str]], columns: Columns | None = None, *, within: int = 20) -> int:
    """The index of the header row: the first of the first ``within`` rows with
    a title that names a field (a title row above it, 「意見一覧」, is no
    opinion), else the first row that is not empty."""
    filled = [index for index, record in enumerate(grid[:within]) if any(cell.strip() for cell in record)]
    for index in filled:
        if any(field_name(cell, columns) for cell in grid[index] if cell.strip()):
            return index
    return filled[0] if filled else 0


def rows_of(grid: Grid | list[list[str]], sheet: str, columns: Columns | None = None) -> tuple[Located, list[Problem]]:
    """The located rows of a sheet (row 1 is ``cells[0]``); what it hides is left out, its merged ranges filled
    (in the grid's own cells: a grid is read once)."""
    if not isinstance(grid, Grid):
        grid = Grid(grid)
    problems: list[Problem] = []
    rows: list[Located] = []
    prefix = sheet_prefix(sheet)
    cells = grid.cells
    letters = [column_letter(column) for column in range(max(map(len, cells), default=0))]

    def at(row: int, column: int) -> CellLine:
        return CellLine(row + 1, f"{prefix}{column_letter(column)}{row + 1}")

    _leave_out_hidden(cells, grid.layout, at, problems)
    start = header_row(cells, columns)
    # The header and what is above it take their merged values as they always did (a title merged over two columns
    # names both); below it, a merge is checked against the fields the header reads.
    above = [merge for merge in grid.layout.merged if merge[0] <= start]
    below = [merge for merge in grid.layout.merged if merge[0] > start]
    _fill_merged(cells, above, -1, [], [], at, problems)
    header: list[str] | None = None
    titles: list[str] = []
    first_column = 0
    untitled: set[int] = set()
    for index, record in enumerate(cells[start:], start=start):
        row = index + 1
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            width = max(column for column, cell in enumerate(record) if cell.strip()) + 1
            titles = record[:width]
            title_cells: list[int] = [CellLine(row, f"{prefix}{letters[c]}{row}") for c in range(width)]
            header = header_fields(titles, title_cells, problems, columns)
            first_column = next((c for c, field in enumerate(header) if field), 0)
            _fill_merged(cells, below, index, header, titles, at, problems)
            _unread_formats(grid.layout, header, index, at, problems)
            continue
        fields: dict[str, Located] = {}
        for column, cell in enumerate(record):
            field = header[column] if column < len(header) else ""
            if field:
                fields[field] = cell_value(field, cell, CellLine(row, f"{prefix}{letters[column]}{row}"), problems)
            elif cell.strip() and (column >= len(titles) or not titles[column].strip()) and column not in untitled:
                untitled.add(column)
                problems.append(
                    Problem(
                        Subtype.SYNTAX,
                        f"this cell has a value but column {letters[column]} has no title: "
                        "it is not read (give the column a title in the header row)",
                        CellLine(row, f"{prefix}{letters[column]}{row}"),
                    )
                )
        rows.append(Located(fields, CellLine(row, f"{prefix}{letters[first_column]}{row}")))
    if header is not None:
        rows = settle_id_columns(titles, title_cells, header, rows, problems)
    if header is None:
        problems.append(Problem(Subtype.FILE, f"sheet {sheet!r} is empty"))
    elif not rows:
        problems.append(
            Problem(Subtype.FILE, "the sheet has a header but no opinion rows (for a consultation with no opinions, leave out 'opinions:')")
        )
    return Located(rows, CellLine(1, cell_name(sheet, 1, 0))), problems


def _leave_out_hidden(cells: list[list[str]], layout: Layout, at: Any, problems: list[Problem]) -> None:
    """Empty the hidden columns and rows that hold a value, each said once at its first value."""
    for column in sorted(layout.hidden_columns):
        filled = [index for index, record in enumerate(cells) if column < len(record) and record[column].strip()]
        if not filled:
            continue
        problems.append(
            Problem(
                Subtype.SHEET,
                f"column {column_letter(column)} is hidden: it is not read (unhide it in Excel to read it, or delete it)",
                at(filled[0], column),
            )
        )
        for index in filled:
            cells[index][column] = ""
    for index in sorted(layout.hidden_rows):
        if index >= len(cells):
            continue
        record = cells[index]
        first = next((column for column, cell in enumerate(record) if cell.strip()), None)
        if first is None:
            continue
        message = f"row {index + 1} is hidden: it is not read (unhide it in Excel to read it, or delete it)"
        problems.append(Problem(Subtype.SHEET, message, at(index, first)))
        cells[index] = [""] * len(record)


def _fill_merged(
    cells: list[list[str]],
    merged: list[tuple[int, int, int, int]],
    header_index: int,
    header: list[str],
    titles: list[str],
    at: Any,
    problems: list[Problem],
) -> None:
    """Give each cell of a merged range the top-left value, except across two fields read (one text overflowing into another)."""
    for top, left, bottom, right in merged:
        if top >= len(cells) or left >= len(cells[top]):
            continue
        value = cells[top][left]
        read = [column for column in range(left, right + 1) if column < len(header) and header[column]]
        if header and len(read) >= 2:
            shown = " and ".join(repr(titles[column].strip()) for column in read)
            problems.append(
                Problem(
                    Subtype.SHEET,
                    f"cells {_ref(top, left)}:{_ref(bottom, right)} are merged across the columns {shown}: only "
                    f"{titles[read[0]].strip()!r} is read from them (unmerge the cells and give each column its own value)",
                    at(top, left),
                )
            )
            continue
        if header and bottom > top and any(header[column] == "response" for column in read):
            problems.append(
                Problem(
                    Subtype.SHEET,
                    f"cells {_ref(top, left)}:{_ref(bottom, right)} are merged over rows {top + 1} to {bottom + 1}: their "
                    f"{titles[read[0]].strip()!r} is read as the answer to each of these opinions "
                    "(unmerge the cells and give each opinion its answer)",
                    at(top, left),
                )
            )
        for record in cells[top : bottom + 1]:
            for column in range(left, min(right + 1, len(record))):
                record[column] = value


def _unread_formats(layout: Layout, header: list[str], header_index: int, at: Any, problems: list[Problem]) -> None:
    """A number format not read, said once for each column read, at its first cell."""
    seen: set[tuple[int, str]] = set()
    for (row, column), code in sorted(layout.unread_formats.items()):
        if row <= header_index or column >= len(header) or not header[column] or (column, code) in seen:
            continue
        seen.add((column, code))
        problems.append(
            Problem(
                Subtype.SHEET,
                f"the number format {code[:60]!r} of this cell is not read: its number is read as General shows it "
                "(give the column a common format such as 0, #,##0, 0.0%, yyyy/m/d, or make it text)",
                at(row, column),
            )
        )


def _ref(row: int, column: int) -> str:
    return f"{column_letter(column)}{row + 1}"
