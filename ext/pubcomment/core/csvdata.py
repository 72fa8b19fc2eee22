"""Opinions kept in a spreadsheet, exported as CSV.

Japanese Excel writes CSV in Shift_JIS (cp932) unless told otherwise; the
encodings read are those of :mod:`.textfiles`.  Headers may be the field
names or the Japanese column titles writers already use.
"""

from __future__ import annotations

import csv
import io

from .located import Located
from .problems import Problem, Subtype
from .sanitize import describe, visible

HEADER_ALIASES = {
    "no": "no", "番号": "no", "通番": "no",
    "項目": "topic", "topic": "topic",
    "意見の要旨": "summary", "意見の概要": "summary", "summary": "summary",
    "本市の考え方": "response", "市の考え方": "response", "考え方": "response",
    "市の検討結果と理由": "response", "response": "response",
    "区分": "category", "対応区分": "category", "category": "category",
    "提出者": "submission", "提出番号": "submission", "submission": "submission",
    "要旨の注": "summary_notes", "summary_notes": "summary_notes",
    "考え方の注": "response_notes", "response_notes": "response_notes",
    "関連箇所": "sections", "sections": "sections",
    "関連する変更": "amendments", "amendments": "amendments",
}
LIST_FIELDS = {"summary_notes": "\n", "response_notes": "\n", "sections": ",", "amendments": ","}


def parse_opinion_csv(text: str) -> tuple[Located, list[Problem]]:
    """Rows become opinion mappings; each value remembers its row's line.

    Comma-separated, or tab-separated as Excel saves "Unicode text" (the
    header line decides).  What the csv module forgives in silence is
    reported: two columns for one field, a quote left open (which merges
    the rows after it into one cell), a header with no rows.
    """
    problems: list[Problem] = []
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0] else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Located] = []
    header: list[str] | None = None
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = _header(record, start, problems)
                continue
            fields: dict[str, Located] = {}
            for name, cell in zip(header, record, strict=False):  # short rows: missing cells
                if name:
                    fields[name] = _cell(name, cell, start, problems)
            if len(record) > len(header):
                problems.append(Problem(Subtype.SYNTAX, "row has more cells than the header", start))
            if _check_merged_rows(record, len(header), delimiter, start, line - 1, text, problems):
                continue  # a broken row: reported as such, not also as an opinion with missing fields
            rows.append(Located(fields, start))
    except csv.Error as error:
        problems.append(Problem(Subtype.SYNTAX, f"invalid CSV: {error}", line))
    if header is not None and not rows:
        problems.append(Problem(Subtype.FILE, "the file has a header but no opinion rows "
                                "(for a consultation with no opinions, leave out 'opinions:')", 1))
    return Located(rows, 1), problems


def _header(record: list[str], line: int, problems: list[Problem]) -> list[str]:
    """The field of each column; a second column for a field already taken is left out."""
    names: list[str] = []
    seen: dict[str, str] = {}
    for cell in record:
        name = _field_name(cell)
        if name in seen:
            problems.append(Problem(Subtype.SYNTAX, f"columns {seen[name]!r} and {cell.strip()!r} are both {name!r}: "
                                    "the second is not read; rename or remove one", line))
            names.append("")
            continue
        seen[name] = cell.strip()
        names.append(name)
    return names


def _check_merged_rows(record: list[str], columns: int, delimiter: str, start: int, end: int, text: str, problems: list[Problem]) -> bool:
    """Whether a quote left open made the rows after it one cell of this row
    (up to the next quote or the end of the file); reported if so."""
    for cell in record:
        lines = cell.split("\n")
        if len(lines) < 2:
            continue
        if text.count('"') % 2 and end >= text.rstrip("\n").count("\n") + 1:  # this row runs to the end of the file
            problems.append(Problem(Subtype.SYNTAX, "a quote (\") opened in this row is never closed: "
                                    "every line after it became one cell", start))
            return True
        suspicious = next((extra for extra in lines[1:] if columns > 1 and extra.count(delimiter) >= columns - 1), None)
        if suspicious is not None:
            problems.append(Problem(Subtype.SYNTAX, f"a cell of this row holds what looks like more rows ({suspicious[:40]!r}): "
                                    "is a quote (\") left open?", start))
            return True
    return False


def _field_name(header_cell: str) -> str:
    name = header_cell.strip()
    return HEADER_ALIASES.get(name) or HEADER_ALIASES.get(name.lower()) or name


def _cell(name: str, cell: str, line: int, problems: list[Problem]) -> Located:
    cell, found = visible(cell)
    if found:
        problems.append(Problem(Subtype.TEXT, f"the {name!r} cell holds {describe(found)}, shown as ［U+XXXX］", line))
    separator = LIST_FIELDS.get(name)
    if separator is None:
        return Located(cell.strip() or None, line)
    parts = [part.strip() for part in cell.split(separator)]
    return Located([Located(part, line) for part in parts if part], line)
