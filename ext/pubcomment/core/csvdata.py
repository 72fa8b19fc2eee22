"""Opinions kept in a spreadsheet, exported as CSV.

Japanese Excel writes CSV in Shift_JIS (cp932) unless told otherwise, so
both UTF-8 (with or without BOM) and cp932 are read.  Headers may be the
field names or the Japanese column titles writers already use.
"""

from __future__ import annotations

import csv
import io

from .located import Located
from .problems import Problem, Subtype

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


def decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def parse_opinion_csv(text: str) -> tuple[Located, list[Problem]]:
    """Rows become opinion mappings; each value remembers its row's line."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Located] = []
    header: list[str] | None = None
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [_field_name(cell) for cell in record]
                continue
            fields: dict[str, Located] = {}
            for name, cell in zip(header, record, strict=False):  # short rows: missing cells
                fields[name] = _cell(name, cell, start)
            if len(record) > len(header):
                problems.append(Problem(Subtype.SYNTAX, "row has more cells than the header", start))
            rows.append(Located(fields, start))
    except csv.Error as error:
        problems.append(Problem(Subtype.SYNTAX, f"invalid CSV: {error}", line))
    return Located(rows, 1), problems


def _field_name(header_cell: str) -> str:
    name = header_cell.strip()
    return HEADER_ALIASES.get(name) or HEADER_ALIASES.get(name.lower()) or name


def _cell(name: str, cell: str, line: int) -> Located:
    separator = LIST_FIELDS.get(name)
    if separator is None:
        return Located(cell.strip() or None, line)
    parts = [part.strip() for part in cell.split(separator)]
    return Located([Located(part, line) for part in parts if part], line)
