"""Opinions kept in a spreadsheet, exported as CSV.

Japanese Excel writes CSV in Shift_JIS (cp932) unless told otherwise; the
encodings read are those of :mod:`.textfiles`.  Headers may be the field
names or the Japanese column titles writers already use.  A cell the
toolkit wrote against formulas (``'=1+1``, core/formulas.py) is read as the
text it was written from (``=1+1``).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping

from . import csvrecords, opinion_fields, reuse
from .csvrecords import Record
from .formulas import restore
from .located import Located
from .privacy import find_patterns
from .problems import Problem, Subtype
from .sanitize import describe, visible


def _folded(title: str) -> str:
    return unicodedata.normalize("NFKC", title).lower().rstrip(".")


# Column titles writers use, for CSV files and sheets alike (core/sheets.py),
# declared with each field (core/opinion_fields.py): a title is matched after
# NFKC (full-width Ｎｏ is No), lower case, and without a trailing full stop
# (No.).  Anything else is named in the data:
# ``opinions: {file: …, columns: {受付番号: submission}}``.
HEADERS = opinion_fields.header_aliases()
HEADER_ALIASES = {_folded(title): name for title, name in HEADERS.items()}
# Every field a column can be (the keys of an opinion, core/schema.py).
FIELDS = frozenset(opinion_fields.KEYS)
LIST_FIELDS = opinion_fields.LIST_SEPARATORS
# Texts kept as typed but for the line breaks around them (as YAML's block text).
KEPT_AS_TYPED = frozenset(opinion_fields.TEXT_FIELDS)
# What a column of the data's own ``columns:`` is read as: a field, or None (not read).
Columns = Mapping[str, "str | None"]


def parse_opinion_csv(text: str, columns: Columns | None = None, *, source: str | None = None) -> tuple[Located, list[Problem]]:
    """Rows become opinion mappings; each value remembers its row's line.

    Comma-separated, or tab-separated as Excel saves "Unicode text" (the
    header line decides).  What the csv module forgives in silence is
    reported: two columns for one field, a quote left open (which merges
    the rows after it into one cell), a header with no rows, a column that
    is no field (reported once, at the header: it may be personal data
    that must not be published, so it is not read).  ``columns`` maps the
    data's own column titles to fields (or to None: not read).  With reuse
    on (core/reuse.py), a row as it was in the last reading of ``source``
    is the last reading's.
    """
    problems: list[Problem] = []
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0] else ","
    shape = _Shape(text)
    rows: list[Located] = []
    header: list[str] | None = None
    titles: list[str] = []
    titles_line = 1
    untitled: list[int] = []  # the columns whose title is empty
    warned: set[int] = set()
    rows_read = reuse.memo("csv rows", source)
    readings = reuse.memo("csv text", source)
    errors: list[tuple[str, int]] = []
    if readings is None:  # one record at a time: the whole file's are not held at once
        records: Iterable[Record] = csvrecords.records_of(text, delimiter, errors=errors)
    else:  # the records the edit since the last reading did not touch are not parsed again (core/csvrecords.py)
        reading = csvrecords.read_again(readings.get("last"), text, delimiter)
        readings.put("last", reading)
        records = reading.records
        if reading.error is not None:
            errors.append(reading.error)
    for record, start, end in records:
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = header_fields(record, [start] * len(record), problems, columns)
            titles, titles_line = record, start
            untitled = [column for column, title in enumerate(record) if not title.strip()]
            continue
        for column in untitled:
            if column < len(record) and record[column].strip() and column not in warned:
                warned.add(column)  # once a column, at its first value (as core/sheets.py)
                problems.append(
                    Problem(
                        Subtype.SYNTAX,
                        f"this row has a value in column {column + 1}, which has no title: the column is not read "
                        "(give it a title in the header line)",
                        start,
                    )
                )
        if rows_read is None:
            row = _row(record, header, delimiter, start, end, shape, problems)
        else:
            row = _reused_row(rows_read, record, header, delimiter, start, end, shape, problems)
        if row is not None:
            rows.append(row)
    if header is not None:
        rows = settle_id_columns(titles, [titles_line] * len(titles), header, rows, problems)
    for message, line in errors:
        problems.append(Problem(Subtype.SYNTAX, f"invalid CSV: {message}", line))
    if header is not None and not rows:
        problems.append(
            Problem(
                Subtype.FILE, "the file has a header but no opinion rows (for a consultation with no opinions, leave out 'opinions:')", 1
            )
        )
    return Located(rows, 1), problems


def _row(
    record: list[str], header: list[str], delimiter: str, start: int, end: int, shape: _Shape, problems: list[Problem]
) -> Located | None:
    """The opinion mapping of one record (lines ``start`` to ``end``); None for a broken row."""
    fields: dict[str, Located] = {}
    for name, cell in zip(header, record, strict=False):  # short rows: missing cells
        if name:  # a cell the toolkit wrote with an apostrophe against formulas is read as the text it wrote
            fields[name] = cell_value(name, restore(cell), start, problems)
    if len(record) > len(header):
        problems.append(Problem(Subtype.SYNTAX, "row has more cells than the header", start))
    if _check_merged_rows(record, len(header), delimiter, start, end, shape, problems):
        return None  # a broken row: reported as such, not also as an opinion with missing fields
    return Located(fields, start)


def _reused_row(
    rows_read: reuse.Memo,
    record: list[str],
    header: list[str],
    delimiter: str,
    start: int,
    end: int,
    shape: _Shape,
    problems: list[Problem],
) -> Located | None:
    """:func:`_row`, or what it gave for the same record at the same lines last time (and reported then)."""
    # A row of several lines is checked against the whole text too (_check_merged_rows).
    whole = shape.counts() if any("\n" in cell for cell in record) else None
    key = (tuple(record), tuple(header), delimiter, start, end, whole)
    return reuse.kept_or_made(rows_read, key, _row, record, header, delimiter, start, end, shape, problems, logs=(problems,))


def header_fields(titles: list[str], lines: list[int], problems: list[Problem], columns: Columns | None = None) -> list[str]:
    """The field of each column ("" for one not read): a column of no field,
    and a second column for a field already taken, are reported at ``lines``.
    A column that names who submitted (氏名, 住所, 提出者, メール, 電話 …,
    core/opinion_fields.py ``identity_title``) is never read, whatever ``columns`` says."""
    names: list[str] = []
    seen: dict[str, str] = {}
    for title, line in zip(titles, lines, strict=True):
        title = title.strip()
        ids = opinion_fields.ids_field(title) if title and opinion_fields.identity_title(title) else None
        if ids and ids not in seen and (columns.get(title, ids) if columns else ids) == ids:
            seen[ids] = title
            names.append(ids)  # read while every value in it is an id: settle_id_columns
            continue
        if title and opinion_fields.identity_title(title):
            names.append("")
            if columns is None or columns.get(title) is not None or title not in columns:
                problems.append(Problem(Subtype.PRIVACY, identity_message(title, columns.get(title) if columns else None), line))
            continue
        name = field_name(title, columns)
        if name is None or not title:
            names.append("")
            if title and (columns is None or title not in columns):
                hint = difflib.get_close_matches(title, list(HEADERS), n=1)
                also = f"did you mean {hint[0]!r}? Or name" if hint else "name"
                problems.append(
                    Problem(
                        Subtype.UNKNOWN_KEY,
                        f"column {title!r} is no field of an opinion and is not read; {also} it "
                        f"in the data's 'columns:' ({{{title}: submission}}, or {{{title}: null}} to leave it out)",
                        line,
                    )
                )
            continue
        if name in seen:
            problems.append(
                Problem(
                    Subtype.SYNTAX,
                    f"columns {seen[name]!r} and {title!r} are both {name!r}: the second is not read; rename or remove one",
                    line,
                )
            )
            names.append("")
            continue
        seen[name] = title
        names.append(name)
    return names


def settle_id_columns(
    titles: list[str], lines: list[int], header: list[str], rows: list[Located], problems: list[Problem]
) -> list[Located]:
    """A column titled as who submitted that earlier releases wrote ids under (提出者, core/opinion_fields.py
    ``ids_titled``) is read only when every value in it is an id: otherwise it is left out of every row and
    reported at its title (``lines``), as any column that names who submitted is.  The rows are
    new objects where a field is left out: a reading kept for the next one (core/reuse.py) is never changed."""
    for column, title in enumerate(titles):
        field = header[column] if column < len(header) else ""
        if not field or opinion_fields.ids_field(title.strip()) != field:
            continue
        values = [row.value[field] for row in rows if isinstance(row.value, dict) and field in row.value]
        wrong = next(
            (v for v in values if isinstance(v.value, str) and (not opinion_fields.looks_like_id(v.value) or find_patterns(v.value))),
            None,
        )
        if wrong is None:
            continue
        rows = [
            Located({k: v for k, v in row.value.items() if k != field}, row.line)
            if isinstance(row.value, dict) and field in row.value
            else row
            for row in rows
        ]
        problems.append(Problem(Subtype.PRIVACY, identity_message(title.strip(), field), lines[column]))
    return rows


def identity_message(title: str, mapped: str | None) -> str:
    """What is said of a column that names who submitted (the build's warning, import's report)."""
    asked = f"; it is not read as {mapped!r} either" if mapped else ""
    return (
        f"column {title!r} may identify who submitted (a name, an address, an e-mail address or a telephone number): "
        f"it is never read or published{asked}; leave it out of the file, or write {{{title}: null}} in the data's 'columns:'"
        " (a column of 受付番号 that names no one can be read: 受付番号 → submission)"
    )


def field_name(title: str, columns: Columns | None = None) -> str | None:
    """The field a column title names: the data's own mapping first, then HEADER_ALIASES; None for none."""
    title = title.strip()
    if columns is not None and title in columns:
        return columns[title]
    key = _folded(title)
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    # The body's answer is headed with the body's own name: 本町の考え方, 県の考え方,
    # 当省の考え方, 御意見に対する考え方; an opinions table has no other 考え方.
    return "response" if key.endswith("考え方") else None


class _Shape:
    """What a check of multi-line cells asks of the whole text, counted once
    (counted for each such cell, 10,000 of them took 30 s)."""

    def __init__(self, text: str):
        self.text = text
        self._counts: tuple[bool, int] | None = None

    def counts(self) -> tuple[bool, int]:
        """Whether the text has an odd number of quotes, and its last line."""
        if self._counts is None:
            self._counts = (self.text.count('"') % 2 == 1, self.text.rstrip("\n").count("\n") + 1)
        return self._counts


def _check_merged_rows(
    record: list[str], columns: int, delimiter: str, start: int, end: int, shape: _Shape, problems: list[Problem]
) -> bool:
    """Whether a quote left open made the rows after it one cell of this row
    (up to the next quote or the end of the file); reported if so."""
    for cell in record:
        lines = cell.split("\n")
        if len(lines) < 2:
            continue
        odd, last_line = shape.counts()
        if odd and end >= last_line:  # this row runs to the end of the file
            problems.append(
                Problem(Subtype.SYNTAX, 'a quote (") opened in this row is never closed: every line after it became one cell', start)
            )
            return True
        suspicious = next((extra for extra in lines[1:] if columns > 1 and extra.count(delimiter) >= columns - 1), None)
        if suspicious is not None:
            problems.append(
                Problem(
                    Subtype.SYNTAX,
                    f'a cell of this row holds what looks like more rows ({suspicious[:40]!r}): is a quote (") left open?',
                    start,
                )
            )
            return True
    return False


def cell_value(name: str, cell: str, line: int, problems: list[Problem]) -> Located:
    """One cell of a field: text made visible (core/sanitize.py), a list field split."""
    cell, found = visible(cell)
    if found:
        problems.append(Problem(Subtype.TEXT, f"the {name!r} cell holds {describe(found)}, shown as ［U+XXXX］", line))
    separator = LIST_FIELDS.get(name)
    if name in KEPT_AS_TYPED:  # a citizen's text: a leading 「　」 is part of it
        return Located(cell.strip("\r\n") if cell.strip() else None, line)
    if separator is None:
        return Located(cell.strip() or None, line)
    parts = [part.strip() for part in cell.split(separator)]
    return Located([Located(part, line) for part in parts if part], line)
