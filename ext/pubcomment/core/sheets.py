"""Opinions kept in a workbook (.xlsx, .xlsm, .ods), read without an export to CSV.

A sheet becomes the same located rows as a CSV file (core/csvdata.py): the
first row that is not empty is the header, its titles are matched by the
one table of :data:`~.csvdata.HEADER_ALIASES` (or the data's own
``columns:``), every cell goes through the CSV path's checks (control
characters, list fields), and every value's line is a
:class:`~.located.CellLine` naming its cell, so that every problem is at
``opinions.xlsx:意見一覧!C12``.

What a sheet holds is turned into the text a writer sees in Excel: a
number ``12.0`` is ``12``, a date cell is ``2025-12-03`` (with ``10:30``
when it has a time), TRUE and FALSE are ``TRUE`` and ``FALSE``, a line
break typed with Alt+Enter stays a line break, and every cell of a merged
range holds the value of the range's top-left cell (a 区分 merged over a
run of rows is the 区分 of each).  Empty rows, and empty columns after the
last titled one, are left out.

The workbook is read by python-calamine (bench/excel.py: five times faster
than openpyxl on 10,000 rows).  A file that is no workbook, is encrypted
(password-protected), unpacks to more than :data:`MAX_UNPACKED_BYTES` or
has no such sheet is one problem with no line; the caller reports it where
the file is named.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from .csvdata import Columns, cell_value, field_name, header_fields
from .located import CellLine, Located
from .problems import Problem, Subtype

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
# A 256 MiB file of 10:1 compressed XML; what a zip bomb claims is refused
# before a byte is unpacked.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
_ZIP = b"PK\x03\x04"
# An OLE compound file: what Excel writes for an encrypted (password-protected) .xlsx, and the old .xls.
_COMPOUND_FILE = bytes.fromhex("d0cf11e0a1b11ae1")
_PLAIN_SHEET_NAME = re.compile(r"\w+")


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


def read_grid(raw: bytes, name: str, sheet: str | None = None) -> tuple[str, list[list[str]]]:
    """The chosen sheet's name and its cells as text from A1, merged ranges filled in.

    ``sheet`` is a sheet's name, or its position (``1`` the first) when no
    sheet has that name; the first sheet when None.  Raises
    :class:`SheetError` for a file that cannot be read as a workbook."""
    if raw.startswith(_COMPOUND_FILE):
        raise SheetError(
            Subtype.FILE,
            f"{name} is encrypted (saved with a password) or is an Excel 97-2003 file: "
            "open it in Excel and save it as .xlsx without a password",
        )
    if not raw.startswith(_ZIP):
        raise SheetError(Subtype.SYNTAX, f"{name} is not a workbook (.xlsx, .xlsm and .ods files are zip archives; this is not one)")
    try:
        unpacked = sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(raw)).infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise SheetError(Subtype.SYNTAX, f"{name} is a damaged workbook ({error}): open it in Excel and save it again") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetError(Subtype.LIMIT, f"{name} unpacks to {unpacked:,} bytes; a workbook may unpack to {MAX_UNPACKED_BYTES:,} at most")
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        names = list(book.sheet_names)
        chosen = _choose(names, sheet, name)
        found = book.get_sheet_by_name(chosen)
        cells = found.to_python(skip_empty_area=False)
        merged = found.merged_cell_ranges or []
    except SheetError:
        raise
    except PasswordError as error:
        raise SheetError(Subtype.FILE, f"{name} is encrypted (saved with a password): save it without one") from error
    except BaseException as error:  # a hostile file must not stop the build; Rust panics are BaseExceptions
        if isinstance(error, (KeyboardInterrupt, SystemExit, MemoryError)):
            raise
        raise SheetError(
            Subtype.SYNTAX,
            f"{name} cannot be read as a workbook ({type(error).__name__}: {error}): open it in Excel (or LibreOffice) and save it again",
        ) from error
    grid = [[cell_text(value) for value in row] for row in cells]
    for (top, left), (bottom, right) in merged:
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for row in grid[top : bottom + 1]:
            for column in range(left, min(right + 1, len(row))):
                row[column] = value
    return chosen, grid


def _choose(names: list[str], sheet: str | None, name: str) -> str:
    if not names:
        raise SheetError(Subtype.FILE, f"{name} has no sheet")
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    position = sheet.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if position.isascii() and position.isdigit() and 1 <= int(position) <= len(names):
        return names[int(position) - 1]
    raise SheetError(
        Subtype.FILE, f"{name} has no sheet {sheet!r} (sheets: {'、'.join(names)}); name one, or give its position (1 for the first)"
    )


class SheetError(Exception):
    def __init__(self, subtype: Subtype, message: str):
        super().__init__(message)
        self.problem = Problem(subtype, message)


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


def rows_of(grid: list[list[str]], sheet: str, columns: Columns | None = None) -> tuple[Located, list[Problem]]:
    """The located rows of a grid of text (row 1 is ``grid[0]``)."""
    problems: list[Problem] = []
    rows: list[Located] = []
    header: list[str] | None = None
    titles: list[str] = []
    first_column = 0
    untitled: set[int] = set()
    start = header_row(grid, columns)
    prefix = sheet_prefix(sheet)
    letters = [column_letter(column) for column in range(max(map(len, grid), default=0))]
    for index, record in enumerate(grid[start:], start=start):
        row = index + 1
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            width = max(column for column, cell in enumerate(record) if cell.strip()) + 1
            titles = record[:width]
            header = header_fields(titles, [CellLine(row, f"{prefix}{letters[c]}{row}") for c in range(width)], problems, columns)
            first_column = next((c for c, field in enumerate(header) if field), 0)
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
    if header is None:
        problems.append(Problem(Subtype.FILE, f"sheet {sheet!r} is empty"))
    elif not rows:
        problems.append(
            Problem(Subtype.FILE, "the sheet has a header but no opinion rows (for a consultation with no opinions, leave out 'opinions:')")
        )
    return Located(rows, CellLine(1, cell_name(sheet, 1, 0))), problems
