"""A workbook's parts, read as a person sees the sheet, before python-calamine reads a cell.

core/sheets.py reads an .xlsx or .xlsm sheet's values with python-calamine,
which is fast but reads a sheet as the file stores it: hidden sheets, rows
and columns like any other, a number as a float (50% is 0.5, a 19-digit
number altered), and it allocates what a crafted file asks for (one cell at
XFD1048576 of a 10 KB file, or a shared-strings table declaring four
billion strings, makes it ask for hundreds of GiB, and the process aborts).
This module reads, with a streaming XML parser and within
:data:`LIMITS`, what calamine does not give:

* :func:`open_archive`: the zip's directory checked before a byte is
  unpacked (the whole, each part, names that climb out, links);
* :func:`xlsx_sheets`: the sheets in order, each hidden or not
  (``state="hidden"`` or ``"veryHidden"``), and the date system;
* :func:`xlsx_formats`: each cell style's number format (styles.xml);
* :func:`scan_xlsx_sheet`: one pass over the sheet's XML (its tags, or
  expat where it is not written as Excel writes it): its declared and
  real extent (refused past the limits before calamine reads it), hidden
  rows and columns, merged ranges, and each number cell as its format shows
  it (core/numfmt.py);
* :func:`check_shared_strings`: the count the shared strings declare;
* :func:`read_ods`: an OpenDocument spreadsheet read whole (content.xml:
  the text each cell shows, hidden tables, rows and columns, spanned cells);
* :func:`isolated`: a call made in a forked child with a cap on its memory,
  so that a reader that still aborts ends the child, not the build.

Every other XML part is parsed by expat, a DTD refused (no workbook has
one), so that no entity is expanded.
"""

from __future__ import annotations

import faulthandler
import io
import os
import pickle
import posixpath
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any
from xml.parsers import expat

from .numfmt import BUILTIN_FORMATS, format_number, general
from .problems import Problem, Subtype

# A 256 MiB file of 10:1 compressed XML; what a zip bomb claims is refused before a byte is unpacked.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
# One part (a sheet, the shared strings, the styles) unpacked: ten times the 10,000 opinions of bench/excel.py.
MAX_PART_BYTES = 128 * 1024 * 1024
# Rows of a sheet, and its cells from A1 to the last one with a value (or to the end of its declared range).
MAX_ROWS = 100_000
MAX_CELLS = 2_000_000
# What a shared-strings table may declare it holds (calamine reserves room for that many before reading one).
MAX_SHARED_STRINGS = 2_000_000
# Address space a reader in a child process may take beyond its parent's.
CHILD_MEMORY = 3 * 1024 * 1024 * 1024
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


class SheetError(Exception):
    """A workbook that cannot be read: one problem, placed where the file is named."""

    def __init__(self, subtype: Subtype, message: str):
        super().__init__(message)
        self.problem = Problem(subtype, message)


@dataclass
class SheetInfo:
    name: str
    hidden: bool
    path: str = ""  # the part of an .xlsx sheet


@dataclass
class Layout:
    """What a sheet shows beyond its values (rows and columns 0-based)."""

    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    # (top, left, bottom, right), inclusive
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # A number cell as its format shows it, by (row, column).
    numbers: dict[tuple[int, int], str] = field(default_factory=dict)
    # The number format of a cell shown as General because the format is not read.
    unread_formats: dict[tuple[int, int], str] = field(default_factory=dict)


def column_index(letters: str) -> int:
    """A → 0, Z → 25, AA → 26."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index - 1


def parse_ref(ref: str) -> tuple[int, int] | None:
    """``C12`` → (11, 2), 0-based; None for what names no cell of a sheet."""
    match = _CELL_REF.fullmatch(ref.strip())
    if not match:
        return None
    row, column = int(match[2]) - 1, column_index(match[1])
    if not (0 <= row < EXCEL_ROWS and 0 <= column < EXCEL_COLUMNS):
        return None
    return row, column


def parse_range(ref: str) -> tuple[int, int, int, int] | None:
    """``B4:C6`` → (3, 1, 5, 2); ``B4`` alone is a range of one cell."""
    first, _, last = ref.partition(":")
    start, end = parse_ref(first), parse_ref(last or first)
    if start is None or end is None:
        return None
    return min(start[0], end[0]), min(start[1], end[1]), max(start[0], end[0]), max(start[1], end[1])


# ---------------------------------------------------------------- the archive


def open_archive(raw: bytes, name: str) -> zipfile.ZipFile:
    """The workbook's zip, its directory checked: nothing is unpacked yet."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise SheetError(Subtype.SYNTAX, f"{name} is a damaged workbook ({error}): open it in Excel and save it again") from error
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetError(Subtype.LIMIT, f"{name} unpacks to {unpacked:,} bytes; a workbook may unpack to {MAX_UNPACKED_BYTES:,} at most")
    for entry in entries:
        parts = entry.filename.replace("\\", "/").split("/")
        if entry.filename.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise SheetError(
                Subtype.SYNTAX, f"{name} holds a part named {entry.filename[:80]!r}, outside the workbook: it is no workbook Excel writes"
            )
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise SheetError(
                Subtype.SYNTAX, f"{name} holds a link ({entry.filename[:80]!r}) where a part should be: it is no workbook Excel writes"
            )
    return archive


def is_opendocument(archive: zipfile.ZipFile) -> bool:
    names = set(archive.namelist())
    return "content.xml" in names and "[Content_Types].xml" not in names


def _part(archive: zipfile.ZipFile, path: str, name: str) -> IO[bytes] | None:
    """A part opened for streaming, its unpacked size checked; None when there is none."""
    try:
        info = archive.getinfo(path)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise SheetError(
            Subtype.LIMIT, f"{name}: its part {path} unpacks to {info.file_size:,} bytes; a part may unpack to {MAX_PART_BYTES:,} at most"
        )
    return archive.open(info)


def _refuse_dtd(*_args: object) -> None:
    raise ValueError("a document type declaration (workbooks have none)")


def _parse(source: IO[bytes], parser: expat.XMLParserType, path: str, name: str) -> None:
    """Run ``parser`` over a part; its errors (and a DTD) are one problem."""
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    try:
        with source:
            parser.ParseFile(source)
    except (expat.ExpatError, ValueError, zipfile.BadZipFile, OSError, EOFError) as error:
        raise SheetError(
            Subtype.SYNTAX, f"{name} cannot be read as a workbook ({path}: {error}): open it in Excel (or LibreOffice) and save it again"
        ) from error


def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]


def _relationships(archive: zipfile.ZipFile, path: str, name: str) -> dict[str, tuple[str, str]]:
    """The relationships of a part: id → (type's last word, target part)."""
    directory, base = posixpath.split(path)
    source = _part(archive, posixpath.join(directory, "_rels", base + ".rels"), name)
    found: dict[str, tuple[str, str]] = {}
    if source is None:
        return found

    def start(tag: str, attrs: dict[str, str]) -> None:
        if _local(tag) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            joined = target.lstrip("/") if target.startswith("/") else posixpath.join(directory, target)
            found[attrs.get("Id", "")] = (attrs.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(joined))

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    _parse(source, parser, path, name)
    return found


def _workbook_part(archive: zipfile.ZipFile, name: str) -> str:
    for kind, target in _relationships(archive, "", name).values():
        if kind == "officeDocument":
            return target
    return "xl/workbook.xml"


def xlsx_sheets(archive: zipfile.ZipFile, name: str) -> tuple[list[SheetInfo], bool, dict[str, str]]:
    """The worksheets in order (hidden or not), whether dates count from 1904, and the workbook's other parts by kind."""
    workbook = _workbook_part(archive, name)
    relationships = _relationships(archive, workbook, name)
    source = _part(archive, workbook, name)
    if source is None:
        raise SheetError(Subtype.SYNTAX, f"{name} is not a workbook (it has no {workbook}): open it in Excel and save it again")
    sheets: list[SheetInfo] = []
    date1904 = [False]

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local == "sheet":
            kind, target = relationships.get(attrs.get(f"{_RELATIONSHIPS}}}id", ""), ("", ""))
            if kind == "worksheet":
                sheets.append(SheetInfo(attrs.get("name", ""), attrs.get("state", "visible") in ("hidden", "veryHidden"), target))
        elif local == "workbookPr":
            date1904[0] = attrs.get("date1904", "").lower() in ("1", "true")

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    _parse(source, parser, workbook, name)
    parts = {kind: target for kind, target in relationships.values() if kind in ("styles", "sharedStrings")}
    return sheets, date1904[0], parts


def xlsx_formats(archive: zipfile.ZipFile, path: str | None, name: str) -> list[str]:
    """The number format of each cell style (``s="3"`` is the fourth), General when styles.xml says none."""
    source = _part(archive, path, name) if path else None
    if source is None:
        return []
    custom: dict[int, str] = {}
    formats: list[str] = []
    inside = [False]

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local == "numFmt":
            custom[_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "General")
        elif local == "cellXfs":
            inside[0] = True
        elif local == "xf" and inside[0]:
            number = _int(attrs.get("numFmtId"))
            formats.append(custom.get(number) or BUILTIN_FORMATS.get(number) or f"(built-in format {number})")

    def end(tag: str) -> None:
        if _local(tag) == "cellXfs":
            inside[0] = False

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    _parse(source, parser, path or "", name)
    return formats


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def check_shared_strings(archive: zipfile.ZipFile, path: str | None, name: str) -> None:
    """Refuse a shared-strings table that declares more strings than a workbook may hold."""
    for candidate in {path, "xl/sharedStrings.xml"} - {None}:
        assert candidate is not None
        source = _part(archive, candidate, name)
        if source is None:
            continue
        head = source.read(4096).decode("utf-8", "replace")
        source.close()
        for attribute in ("count", "uniqueCount"):
            declared = re.search(rf'\b{attribute}\s*=\s*["\']\s*(\d+)', head)
            if declared and int(declared[1]) > MAX_SHARED_STRINGS:
                raise SheetError(
                    Subtype.LIMIT,
                    f"{name}: its shared strings declare {int(declared[1]):,} strings ({attribute}); "
                    f"a workbook may hold {MAX_SHARED_STRINGS:,} at most",
                )


# ---------------------------------------------------------------- an .xlsx sheet


def _too_big(name: str, sheet: str, what: str, rows: int, columns: int) -> SheetError:
    return SheetError(
        Subtype.LIMIT,
        f"{name}: sheet {sheet!r} {what} ({rows:,} rows × {columns:,} columns from A1); a sheet may have {MAX_ROWS:,} rows "
        f"and {MAX_CELLS:,} cells from A1 to its last value at most: delete the rows and columns below and to the right of the table",
    )


def scan_xlsx_sheet(
    archive: zipfile.ZipFile, info: SheetInfo, formats: list[str], date1904: bool, name: str, *, by_tags: bool = True
) -> Layout:
    """One pass over a sheet's XML: its extent checked, what it hides and merges, its numbers as shown.

    A sheet written as Excel writes it is read by :func:`_scan_tags`, regular
    expressions over its tags; any other (a comment, a CDATA section, a
    prefixed namespace, attributes in another order, or ``by_tags=False``)
    by expat, every element through a handler looked up by its name as
    written (``c``, or ``x:c`` when the root is ``x:worksheet``), the end of
    an element seen only for a number's ``<v>``.  Both give the same layout
    (tests/unit/test_sheets.py).  On the 10,000 rows of bench/excel.py
    (23 MB of XML) unzipping takes 0.05 s and the tags 0.1 s, where expat
    took 0.3 s and calamine's own reading takes 0.2 s."""
    source = _part(archive, info.path, name)
    if source is None:
        raise SheetError(Subtype.SYNTAX, f"{name} has no part {info.path} for sheet {info.name!r}: open it in Excel and save it again")
    try:
        with source:
            data = source.read()
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise SheetError(Subtype.SYNTAX, f"{name} cannot be read as a workbook ({info.path}: {error}): save it again") from error
    if by_tags:
        found = _scan_tags(data, info, formats, date1904, name)
        if found is not None:
            return found
    source = io.BytesIO(data)
    layout = Layout()
    # row, column, rows and columns reached by a value, whether the cell is a number, its style
    state = [-1, -1, 0, 0, False, 0]
    text: list[str] = []
    columns_by_letters: dict[str, int] = {}
    parser = expat.ParserCreate()
    parser.buffer_text = True

    def collect(data: str) -> None:
        text.append(data)

    def too_far(row: int, column: int) -> None:
        rows, columns = max(state[2], row + 1), max(state[3], column + 1)
        if rows > MAX_ROWS or rows * columns > MAX_CELLS:
            raise _too_big(name, info.name, f"has a value at {_ref(row, column)}", rows, columns)
        state[2], state[3] = rows, columns

    def on_cell(attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref:
            letters = ref.rstrip("0123456789")
            column = columns_by_letters.get(letters)
            if column is None:
                if not (0 < len(letters) <= 3 and letters.isascii() and letters.isalpha()):
                    _bad_cell(ref, state[0], name, info.name)
                column = columns_by_letters[letters] = column_index(letters)
            if ref[len(letters) :] != str(state[0] + 1) or column >= EXCEL_COLUMNS:
                _bad_cell(ref, state[0], name, info.name)
            state[1] = column
        else:
            state[1] += 1
        state[4] = attrs.get("t", "n") == "n"
        style = attrs.get("s")
        state[5] = _int(style) if style else 0

    def on_value(_attrs: dict[str, str]) -> None:
        if state[0] >= state[2] or state[1] >= state[3]:
            too_far(state[0], state[1])
        if state[4]:
            text.clear()
            parser.CharacterDataHandler = collect
            parser.EndElementHandler = end_number

    def on_inline(_attrs: dict[str, str]) -> None:
        if state[0] >= state[2] or state[1] >= state[3]:
            too_far(state[0], state[1])

    def on_row(attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        row = _int(ref) - 1 if ref else state[0] + 1
        if not 0 <= row < EXCEL_ROWS or row <= state[0]:
            raise SheetError(Subtype.SYNTAX, f"{name}: sheet {info.name!r} has a row numbered {str(ref)[:20]!r} out of order")
        state[0], state[1] = row, -1
        if attrs.get("hidden", "").lower() in ("1", "true"):
            layout.hidden_rows.add(row)

    def on_column(attrs: dict[str, str]) -> None:
        if attrs.get("hidden", "").lower() in ("1", "true"):
            first, last = max(_int(attrs.get("min")), 1), min(_int(attrs.get("max")), EXCEL_COLUMNS)
            layout.hidden_columns.update(range(first - 1, last))

    def on_merge(attrs: dict[str, str]) -> None:
        found = parse_range(attrs.get("ref", ""))
        if found is not None:
            layout.merged.append(found)

    def on_dimension(attrs: dict[str, str]) -> None:
        found = parse_range(attrs.get("ref", ""))
        if found is not None:
            rows, columns = found[2] + 1, found[3] + 1
            if rows > MAX_ROWS or rows * columns > MAX_CELLS:
                raise _too_big(name, info.name, f"declares its used range as {attrs.get('ref', '')[:40]}", rows, columns)

    def end_number(_tag: str) -> None:
        parser.CharacterDataHandler = None
        parser.EndElementHandler = None
        number("".join(text))

    def number(raw: str) -> None:
        style = state[5]
        code = formats[style] if 0 <= style < len(formats) else "General"
        shown = format_number(raw, code, date1904=date1904)
        place = (state[0], state[1])
        if shown is None:
            layout.unread_formats[place] = code
            shown = general(raw)
        layout.numbers[place] = shown

    local = {"c": on_cell, "v": on_value, "is": on_inline, "row": on_row, "col": on_column, "mergeCell": on_merge}
    local["dimension"] = on_dimension
    handlers: dict[str, Callable[[dict[str, str]], None]] = {}

    def start(tag: str, attrs: dict[str, str]) -> None:
        handler = handlers.get(tag)
        if handler is not None:
            handler(attrs)

    def root(tag: str, attrs: dict[str, str]) -> None:
        prefix = tag[: tag.index(":") + 1] if ":" in tag else ""
        handlers.update({prefix + key: handler for key, handler in local.items()})
        parser.StartElementHandler = start

    parser.StartElementHandler = root
    _parse(source, parser, info.path, name)
    return layout


_ATTRIBUTES = rb'((?:\s+[\w:.-]+="[^"]*")*)\s*'
# A cell: its column and row, its other attributes, whether it closes itself, and the text of a number's <v>.
_CELL = re.compile(
    rb'<c\s+r="([A-Z]{1,3})(\d{1,7})"' + _ATTRIBUTES + rb"(/?)>\s*(?:<f\b[^>]*/>\s*|<f\b[^>]*>[^<]*</f>\s*)?(?:<v>([^<]*)</v>)?"
)
# Where every element _scan_tags() reads starts: each must be matched by _CELL or _TAG.
# (and where a comment, CDATA section, DTD or processing instruction starts: none may, but the declaration)
_STARTS = re.compile(rb"<(c(?=[\s/>])|row(?=[\s/>])|col(?=[\s/>])|mergeCell(?=[\s/>])|dimension(?=[\s/>])|!|\?)")
_ROOT = re.compile(rb"\s*<worksheet[\s>]")
_TAG = re.compile(rb"<(row|col|mergeCell|dimension)" + _ATTRIBUTES + rb"/?>")
_VALUE = re.compile(rb'([\w:.-]+)="([^"]*)"')
_TYPE = re.compile(rb'\st="([^"]*)"')
_STYLE = re.compile(rb'\ss="(\d+)"')


def _scan_tags(data: bytes, info: SheetInfo, formats: list[str], date1904: bool, name: str) -> Layout | None:
    """The layout of a sheet read from its tags alone; None when the XML is not as Excel writes it (expat reads it then).

    Every ``<`` must start an element (no comment, CDATA section or
    processing instruction past the declaration), the root be unprefixed,
    and every cell, row, column, merged range and range be matched: else
    something would be missed, and the caller falls back to expat."""
    declared = data.startswith(b"<?xml")
    if not _ROOT.match(data, data.find(b"?>") + 2 if declared else 0):
        return None
    starts = _STARTS.findall(data)
    if starts.count(b"?") != declared or b"!" in starts:
        return None
    cells = _CELL.findall(data)
    tags = _TAG.findall(data)
    if len(cells) + len(tags) + declared != len(starts) or len(cells) != starts.count(b"c"):
        return None
    layout = Layout()
    rows = [attributes for tag, attributes in tags if tag == b"row"]
    for tag, attributes in tags:
        if tag == b"row":
            continue
        attrs = {key.decode(): value.decode("utf-8", "replace") for key, value in _VALUE.findall(attributes)}
        if tag == b"col":
            if attrs.get("hidden", "").lower() in ("1", "true"):
                first, last = max(_int(attrs.get("min")), 1), min(_int(attrs.get("max")), EXCEL_COLUMNS)
                layout.hidden_columns.update(range(first - 1, last))
        elif tag == b"mergeCell":
            found = parse_range(attrs.get("ref", ""))
            if found is not None:
                layout.merged.append(found)
        else:
            found = parse_range(attrs.get("ref", ""))
            if found is not None and (found[2] + 1 > MAX_ROWS or (found[2] + 1) * (found[3] + 1) > MAX_CELLS):
                raise _too_big(name, info.name, f"declares its used range as {attrs.get('ref', '')[:40]}", found[2] + 1, found[3] + 1)
    for attributes in rows:
        if b"hidden=" in attributes:
            attrs = {key.decode(): value.decode("utf-8", "replace") for key, value in _VALUE.findall(attributes)}
            if attrs.get("hidden", "").lower() in ("1", "true"):
                if not attrs.get("r", "").isdigit():
                    return None
                layout.hidden_rows.add(int(attrs["r"]) - 1)
    # Every cell that does not close itself counts for the extent (an empty one as if it held a value): never fewer than calamine.
    filled = [(letters, row) for letters, row, _attributes, closed, _value in cells if not closed]
    if filled:
        last_row = max(map(int, (row for _letters, row in filled)))
        last_column = max(map(column_index, {letters.decode() for letters, _row in filled})) + 1
        if last_row > EXCEL_ROWS or last_column > EXCEL_COLUMNS:
            return None  # expat names the cell that is no cell
        if last_row > MAX_ROWS or last_row * last_column > MAX_CELLS:
            far = next(f"{letters.decode()}{row.decode()}" for letters, row in filled if int(row) == last_row)
            raise _too_big(
                name, info.name, f"has a value at {far} (and reaches column {_ref(0, last_column - 1)[:-1]})", last_row, last_column
            )
    columns_by_letters: dict[bytes, int] = {}
    for letters, row_text, attributes, _closed, value in cells:
        if not value:
            continue
        kind = _TYPE.search(attributes) if b"t=" in attributes else None
        if kind is not None and kind[1] != b"n":
            continue
        column = columns_by_letters.get(letters)
        if column is None:
            column = columns_by_letters[letters] = column_index(letters.decode())
        style = _STYLE.search(attributes) if b"s=" in attributes else None
        index = int(style[1]) if style else 0
        code = formats[index] if 0 <= index < len(formats) else "General"
        raw = value.decode("ascii", "replace").strip()
        shown = format_number(raw, code, date1904=date1904)
        if shown is None:
            layout.unread_formats[(int(row_text) - 1, column)] = code
            shown = general(raw)
        layout.numbers[(int(row_text) - 1, column)] = shown
    return layout


def _ref(row: int, column: int) -> str:
    letters, index = "", column + 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _bad_cell(ref: str | None, row: int, name: str, sheet: str) -> tuple[int, int]:
    raise SheetError(Subtype.SYNTAX, f"{name}: sheet {sheet!r} has a cell {str(ref)[:20]!r} that is not in its row {row + 1}")


# ---------------------------------------------------------------- an OpenDocument spreadsheet

_ODS = {
    "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
    "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
    "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
    "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
}


# Where a cell that shows no text keeps its value.
_ODS_VALUES = {"date": "office:date-value", "time": "office:time-value", "boolean": "office:boolean-value"}


def _short(tag: str) -> str:
    space, _, local = tag.rpartition("}")
    return f"{_ODS.get(space, '?')}:{local}"


@dataclass
class _Table:
    info: SheetInfo
    cells: list[list[str]] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)


def read_ods(archive: zipfile.ZipFile, name: str) -> list[tuple[SheetInfo, list[list[str]], Layout]]:
    """Every table of an .ods: its cells as the text they show (rows and columns 0-based from A1), and its layout."""
    source = _part(archive, "content.xml", name)
    if source is None:
        raise SheetError(Subtype.SYNTAX, f"{name} is not a spreadsheet (it has no content.xml): open it in LibreOffice and save it again")
    hidden_styles: set[str] = set()
    tables: list[_Table] = []
    state: dict[str, Any] = {"style": "", "cells": 0, "annotation": 0, "in_cell": False}
    row: list[str] = []
    lines: list[str] = []
    pending = {"rows": 0, "columns": 0, "row_repeat": 1, "row_hidden": False, "cell_repeat": 1, "column": 0}
    cell: dict[str, Any] = {}

    def count(added: int) -> None:
        state["cells"] += added
        table = tables[-1]
        if len(table.cells) > MAX_ROWS or state["cells"] > MAX_CELLS:
            width = max(map(len, table.cells), default=0)
            raise _too_big(name, table.info.name, "has more values than a sheet may", len(table.cells), width)

    def start(tag: str, attrs: dict[str, str]) -> None:
        local = _short(tag)
        if state["annotation"]:
            state["annotation"] += 1
            return
        a = {_short(key): value for key, value in attrs.items()}
        if local in ("table:table-cell", "table:covered-table-cell"):
            state["in_cell"] = True
            lines.clear()
            cell.clear()
            cell.update(a)
        elif local == "text:p" and state["in_cell"]:
            lines.append("")
        elif local == "text:s" and state["in_cell"] and lines:
            lines[-1] += " " * max(1, min(_int(a.get("text:c", "1")), 1000))
        elif local == "text:tab" and state["in_cell"] and lines:
            lines[-1] += "\t"
        elif local == "text:line-break" and state["in_cell"] and lines:
            lines[-1] += "\n"
        elif local == "office:annotation":
            state["annotation"] = 1
        elif local == "table:table-row":
            row.clear()
            pending["columns"] = 0
            pending["column"] = 0
            pending["row_repeat"] = max(1, _int(a.get("table:number-rows-repeated", "1")))
            pending["row_hidden"] = a.get("table:visibility", "visible") != "visible"
        elif local == "table:table-column":
            repeat = max(1, _int(a.get("table:number-columns-repeated", "1")))
            table = tables[-1]
            first = state.setdefault("next_column", 0)
            if a.get("table:visibility", "visible") != "visible":
                table.layout.hidden_columns.update(range(first, min(first + repeat, EXCEL_COLUMNS)))
            state["next_column"] = first + repeat
        elif local == "table:table":
            style = a.get("table:style-name", "")
            tables.append(_Table(SheetInfo(a.get("table:name", f"Sheet{len(tables) + 1}"), style in hidden_styles)))
            state["next_column"] = 0
            pending["rows"] = 0
        elif local == "style:style":
            state["style"] = a.get("style:name", "") if a.get("style:family") == "table" else ""
        elif local == "style:table-properties" and state["style"] and a.get("table:display") == "false":
            hidden_styles.add(state["style"])

    def characters(data: str) -> None:
        if state["in_cell"] and lines and not state["annotation"]:
            lines[-1] += data

    def end(tag: str) -> None:
        if state["annotation"]:
            state["annotation"] -= 1
            return
        local = _short(tag)
        if local in ("table:table-cell", "table:covered-table-cell"):
            state["in_cell"] = False
            value = "\n".join(lines)
            if not value and cell.get("office:value-type") not in (None, "string"):
                kind = cell.get("office:value-type")
                value = cell.get(_ODS_VALUES.get(str(kind), "office:value"), "")
            repeat = max(1, _int(cell.get("table:number-columns-repeated", "1")))
            column = pending["column"]
            if value:
                if pending["columns"]:
                    row.extend([""] * pending["columns"])
                    pending["columns"] = 0
                if len(row) + repeat > EXCEL_COLUMNS or repeat > MAX_CELLS:
                    raise _too_big(name, tables[-1].info.name, "has a row wider than a sheet", len(tables[-1].cells) + 1, len(row) + repeat)
                row.extend([value] * repeat)
            else:
                pending["columns"] += repeat
            spans = max(1, _int(cell.get("table:number-rows-spanned", "1"))), max(1, _int(cell.get("table:number-columns-spanned", "1")))
            if local == "table:table-cell" and spans != (1, 1):
                top = len(tables[-1].cells) + pending["rows"]
                tables[-1].layout.merged.append((top, column, top + spans[0] - 1, column + spans[1] - 1))
            pending["column"] = column + repeat
        elif local == "table:table-row":
            table = tables[-1]
            repeat = pending["row_repeat"]
            if any(row):
                if pending["rows"]:
                    if len(table.cells) + pending["rows"] > MAX_ROWS:
                        raise _too_big(name, table.info.name, "has a value too far down", len(table.cells) + pending["rows"] + 1, len(row))
                    table.cells.extend([] for _ in range(pending["rows"]))
                    pending["rows"] = 0
                if len(table.cells) + repeat > MAX_ROWS:
                    raise _too_big(name, table.info.name, "has more rows than a sheet may", len(table.cells) + repeat, len(row))
                first = len(table.cells)
                table.cells.extend(list(row) for _ in range(repeat))
                count(len(row) * repeat)
                if pending["row_hidden"]:
                    table.layout.hidden_rows.update(range(first, first + repeat))
            else:
                pending["rows"] += repeat
        elif local == "style:style":
            state["style"] = ""

    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    _parse(source, parser, "content.xml", name)
    return [(table.info, table.cells, table.layout) for table in tables]


# ---------------------------------------------------------------- a read that cannot take the process down


def isolated(function: Callable[..., Any], *args: Any, name: str) -> Any:
    """``function(*args)`` in a forked child whose memory is capped; its death is a problem of the file.

    The result (or a :class:`SheetError`) comes back pickled through a pipe.
    Where there is no fork (Windows), the call is made here."""
    if not hasattr(os, "fork"):
        return function(*args)
    import resource

    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        try:
            os.close(reading)
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 2)  # a Rust abort's backtrace is no message for the writer
            faulthandler.disable()  # nor a dump of Python's stacks (pytest, -X faulthandler)
            _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = _address_space() + CHILD_MEMORY
            resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
            try:
                payload = pickle.dumps((True, function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
            except SheetError as error:
                payload = pickle.dumps((False, (error.problem.subtype.value, str(error))))
            with os.fdopen(writing, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as source:
        data = source.read()
    _pid, status = os.waitpid(pid, 0)
    if not data:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.waitstatus_to_exitcode(status)}"
        raise SheetError(
            Subtype.FILE,
            f"{name} cannot be read: the reader stopped ({how}; a crafted or damaged workbook, or one too large to read): "
            "open it in Excel (or LibreOffice) and save it again",
        )
    done, value = pickle.loads(data)
    if not done:
        subtype, message = value
        raise SheetError(Subtype(subtype), message)
    return value


def _address_space() -> int:
    """This process's address space in bytes (VmSize), 0 where /proc tells nothing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0
