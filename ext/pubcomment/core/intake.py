"""From the form's export to the consultation's data files, and the working sheet for staff.

``pubcomment import SOURCE --out DIR`` (:func:`import_opinions`) reads a raw
export (a workbook, or CSV and "Unicode text" in any encoding of
core/textfiles.py) through the same readers as the build, and writes:

* ``DIR/opinions.csv``: the opinions, UTF-8 with BOM (Excel opens it as
  it is; it is text, so a change shows in a diff), one column per field
  with the Japanese titles of :data:`TITLES`;
* ``DIR/consultation.yaml``, only when there is none: a skeleton naming
  ``opinions.csv``, with the 項目 and 区分 found in the export.

Columns that are no field are not copied, and nor is any column that
names who submitted (氏名, 住所, 提出者, メール, 電話 …: core/opinion_fields.py
``identity_title``), even when ``--column`` names a field for it; rows
without an 意見 are skipped; each is in the report, at its column's cell.
A text a spreadsheet would run as a formula is written with an apostrophe
before it (core/formulas.py); the build reads it back as it was.

The working sheet is for staff, not published: it has the fields staff
need to answer, the submission's id (提出ID) and the originals too, but it
is written from the data, which never holds a column that names who
submitted (names stay in the form's own export).

``pubcomment export --xlsx FILE`` (:func:`write_workbook`) writes the
working sheet: the opinions with their 区分 and 考え方 columns (a list of
the categories to choose from), for staff to fill in Excel.  The build
reads it directly (``opinions: FILE``) and ``pubcomment import`` reads it
back; nothing is lost or altered on the way (tests/unit/test_intake.py).
The same data always writes the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import opinion_fields, privacy
from .csvdata import LIST_FIELDS, Columns, parse_opinion_csv
from .formulas import is_formula_like, neutralise
from .located import Located
from .model import Consultation, Opinion
from .problems import Problem, Subtype
from .sheets import is_workbook, read_grid, rows_of
from .textfiles import DataFileError, decode, read_bytes

# Column order and titles of what import and export write, declared with
# each field (core/opinion_fields.py; each title is read back as its field,
# so both files read back as they are).
TITLES = opinion_fields.written_titles()
# Always in the working sheet, empty or not: what staff fill in.
WORKING_FIELDS = opinion_fields.SHEET_FIELDS
OUT_OF_SCOPE = "本案件外"
# Columns whose cells wrap their lines in Excel: the texts, and the lists of one item a line (the notes).
WRAPPED = frozenset((*opinion_fields.TEXT_FIELDS, *(name for name, separator in LIST_FIELDS.items() if separator == "\n")))
# Excel keeps at most this many characters in a cell.
MAX_CELL_CHARS = 32_767
# Every part of a written workbook carries this time: the same data, the same bytes.
FIXED_TIME = dt.datetime(2000, 1, 1)
SHEET_TITLE = "意見一覧"


class IntakeError(Exception):
    """What stops an import or an export (the message says what to do)."""


@dataclass
class Report:
    """What an import did, for the writer to read."""

    source: str
    rows_read: int = 0
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"{self.source}: {self.rows_read:,} row(s) read, {self.rows_read - len(self.skipped):,} opinion(s) written, "
            f"{len(self.skipped):,} row(s) skipped"
        ]
        out += [f"  skipped: {reason}" for reason in self.skipped]
        out += [f"  {problem.where(self.source)}: {problem.message} [pubcomment.{problem.subtype.value}]" for problem in self.problems]
        out += [f"  {note}" for note in self.notes]
        out += [f"  wrote {path}" for path in self.written]
        return out


# ---------------------------------------------------------------- reading


def read_rows(path: Path, *, sheet: str | None = None, columns: Columns | None = None) -> tuple[list[Located], list[Problem]]:
    """The located rows of a raw export, through the build's own readers."""
    try:
        raw = read_bytes(path)
    except DataFileError as error:
        raise IntakeError(f"{path}: {error.problem.message}") from error
    if is_workbook(path.name):
        try:
            chosen, grid = read_grid(raw, path.name, sheet)
        except Exception as error:  # SheetError: one sentence for the writer
            problem = getattr(error, "problem", None)
            raise IntakeError(f"{path}: {problem.message if problem else error}") from error
        rows, problems = rows_of(grid, chosen, columns)
    else:
        try:
            text, _encoding = decode(raw, path.name)
        except DataFileError as error:
            raise IntakeError(f"{path}:{error.problem.line or 1}: {error.problem.message}") from error
        rows, problems = parse_opinion_csv(text, columns)
    return [row for row in rows.value if isinstance(row.value, dict)] if isinstance(rows.value, list) else [], problems


def _text(node: Located | None) -> str:
    if node is None or node.value is None:
        return ""
    if isinstance(node.value, list):
        return "\0".join(item.value for item in node.value if isinstance(item.value, str))
    return str(node.value).strip("\n") if isinstance(node.value, str) else ""


def import_opinions(source: Path, out: Path, *, sheet: str | None = None, columns: Columns | None = None, names: bool = True) -> Report:
    """Write ``out/opinions.csv`` (and a skeleton ``out/consultation.yaml`` if there is none) from ``source``.
    The texts are checked for personal information (core/privacy.py; ``names``: names too), at their cells."""
    rows, problems = read_rows(source, sheet=sheet, columns=columns)
    report = Report(str(source), rows_read=len(rows), problems=problems)
    records: list[dict[str, str]] = []
    kept: list[Located] = []
    for row in rows:
        assert isinstance(row.value, dict)
        record = {name: _text(node) for name, node in row.value.items()}
        if not record.get("summary", "").strip():
            what = "no 意見の要旨" if any(value.strip() for value in record.values()) else "nothing in the columns read"
            report.skipped.append(f"{source}:{row.line}: {what}")
            continue
        records.append(record)
        kept.append(row)
    report.problems.extend(_personal(kept, names=names))
    unread = [p for p in problems if p.subtype is Subtype.UNKNOWN_KEY]
    if unread:
        report.notes.append(f"{len(unread)} column(s) not copied (see above); --column TITLE=FIELD copies one as a field")
    identity = [p for p in problems if p.subtype is Subtype.PRIVACY and p.message.startswith("column ")]
    if identity:
        report.notes.append(f"{len(identity)} column(s) that may identify who submitted not copied (see above): never published")
    numbered = [r for r in records if r.get("no", "").strip()]
    if not numbered:
        for number, record in enumerate(records, start=1):
            record["no"] = str(number)
        if records:
            report.notes.append(f"the export has no No column: the opinions are numbered 1 to {len(records)} in its order")
    fields = [name for name in TITLES if name in WORKING_FIELDS or any(r.get(name) for r in records)]
    out.mkdir(parents=True, exist_ok=True)
    target = out / "opinions.csv"
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([TITLES[name] for name in fields])
    for record in records:
        writer.writerow([neutralise(_joined(name, record.get(name, ""))) for name in fields])
    target.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    report.written.append(str(target))
    skeleton = out / "consultation.yaml"
    if skeleton.exists():
        report.notes.append(f"{skeleton} is kept as it is (it names the opinions file: opinions: opinions.csv)")
    else:
        skeleton.write_text(consultation_skeleton(records), encoding="utf-8")
        report.written.append(str(skeleton))
    return report


def _personal(rows: Sequence[Located], *, names: bool) -> list[Problem]:
    """One ``pubcomment.privacy`` problem per row whose texts (opinion_fields.SCANNED) may hold personal information."""
    texts: list[tuple[int, str, Located, str]] = []
    for index, row in enumerate(rows):
        assert isinstance(row.value, dict)
        for name in opinion_fields.SCANNED:
            node = row.value.get(name)
            if node is not None:
                texts.extend((index, name, node, part) for part in _text(node).split("\0") if part)
    found = privacy.find((text for *_, text in texts), names=names)
    listed: dict[int, tuple[Located, list[str]]] = {}
    for (index, name, node, text), findings in zip(texts, found, strict=True):
        if findings:
            said = listed.setdefault(index, (node, []))[1]
            said.extend(f"{privacy.KIND_WORDS[f.kind]}「{f.masked(text)}」 in {name!r}" for f in findings)
    problems = []
    for index, (node, said) in sorted(listed.items()):
        row = rows[index]
        number = _text(row.value.get("no")) if isinstance(row.value, dict) else ""
        what = f"the opinion No. {number}" if number else "the opinion"
        problems.append(
            Problem(
                Subtype.PRIVACY,
                f"{what} may hold personal information: {'、'.join(said[:5])}{' …' if len(said) > 5 else ''}; "
                "withhold it in opinions.csv with {redact}`…` or a 'redactions' item, or take it out",
                node.line or row.line,
            )
        )
    return problems


def _joined(name: str, value: str) -> str:
    separator = LIST_FIELDS.get(name)
    return value.replace("\0", separator) if separator else value


def consultation_skeleton(records: Sequence[dict[str, str]]) -> str:
    """A consultation file naming opinions.csv, with the 項目 and 区分 the opinions use."""
    topics = list(dict.fromkeys(r["topic"].strip() for r in records if r.get("topic", "").strip()))
    categories = sorted({r["category"].strip() for r in records if r.get("category", "").strip()})
    lines = [
        "# pubcomment import が書いた下書きです。「書き換えてください」の値を実際のものにして、",
        "# pubcomment check consultation.yaml で確かめてください。",
        "title: （意見募集の件名を書き換えてください）",
        "body:",
        "  name: （団体名を書き換えてください）",
        "  self: 本市",
        "period:",
        "  start:   # 募集の始まりの日 YYYY-MM-DD",
        "  end:     # 募集の終わりの日 YYYY-MM-DD",
        f"declared: {{opinions: {sum(1 for _ in records)}}}",
        "categories:   # 対応区分。作業用のシート（pubcomment export --xlsx）の区分の欄はこの key から選びます",
    ]
    keys = categories or ["A", "B", "C", "D", "E"]
    lines += [f"  - {{key: {_quoted(key)}, description: （区分 {key} の説明を書き換えてください）}}" for key in keys]
    if topics:
        lines.append("topics:   # 項目。エクスポートにあった項目です")
        lines += [f"  - {{id: {_quoted(topic)}, title: {_quoted(topic)}}}" for topic in topics]
    lines += ["opinions: opinions.csv", ""]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# ---------------------------------------------------------------- writing


def opinion_row(opinion: Opinion) -> dict[str, str | int]:
    """An opinion as the cells of its row (what reads back as the same opinion)."""
    row: dict[str, str | int] = {
        "no": opinion.number,
        "topic": opinion.topic,
        "category": opinion.category,
        "summary": opinion.summary,
        "response": opinion.response,
        "submission": opinion.submission,
    }
    for name, separator in LIST_FIELDS.items():
        items: list[str] = getattr(opinion, name)
        for item in items:
            if separator in item:
                raise IntakeError(
                    f"opinion {opinion.number}: an item of {name!r} holds {separator!r}, "
                    f"which separates the items of its column: {item[:40]!r}"
                )
        row[name] = separator.join(items)
    if opinion.count != (len(opinion.originals) or 1):
        row["count"] = opinion.count
    if not opinion.in_scope:
        row["scope"] = OUT_OF_SCOPE
    return row


def write_workbook(consultation: Consultation, target: Path | io.BytesIO) -> int:
    """Write the working sheet; the number of opinions written."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, NamedStyle
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter

    rows = [opinion_row(opinion) for opinion in consultation.opinions]
    fields = [name for name in TITLES if name in WORKING_FIELDS or any(row.get(name) for row in rows)]
    # The answer headed with the body's own name (本町の考え方), as csvdata.field_name reads it.
    titles = opinion_fields.written_titles(consultation.self_reference)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append([titles[name] for name in fields])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    # Named styles: one lookup per cell, where a style of its own is hashed for each (3× slower).
    book.add_named_style(NamedStyle(name="pc-text", alignment=Alignment(wrap_text=True, vertical="top")))
    book.add_named_style(NamedStyle(name="pc-cell", alignment=Alignment(vertical="top")))
    for index, row in enumerate(rows, start=2):
        for column, name in enumerate(fields, start=1):
            value = row.get(name, "")
            if value == "":
                continue
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise IntakeError(
                    f"opinion {row['no']}: its {titles[name]} has {len(value):,} characters; an Excel cell holds {MAX_CELL_CHARS:,} at most"
                )
            cell = sheet.cell(index, column)
            cell.value = value
            cell.style = "pc-text" if name in WRAPPED else "pc-cell"
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with = (never a formula)
                if is_formula_like(value):  # and kept text when staff edit it (core/formulas.py)
                    cell.quotePrefix = True
    widths = {"no": 6, "topic": 14, "category": 6, "summary": 60, "response": 60}
    for column, name in enumerate(fields, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = widths.get(name, 16)
    sheet.freeze_panes = "A2"
    keys = [c.key for c in consultation.categories]
    choices = ",".join(keys)
    if keys and len(choices) <= 255 and not any(sep in key for key in keys for sep in ',"'):
        letter = openpyxl.utils.get_column_letter(fields.index("category") + 1)
        validation = DataValidation(
            type="list",
            formula1=f'"{choices}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=titles["category"],
            error=f"{titles['category']}は {'、'.join(keys)} のどれかです",
        )
        validation.add(f"{letter}2:{letter}{max(len(rows) + 1, 2)}")
        sheet.add_data_validation(validation)
    book.properties.creator = consultation.body_name or None
    book.properties.title = consultation.title or None
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with _DatedZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    data = buffer.getvalue()
    if isinstance(target, io.BytesIO):
        target.write(data)
    else:
        target.write_bytes(data)
    return len(rows)


class _DatedZipFile(zipfile.ZipFile):
    """A zip archive whose every member is dated FIXED_TIME (zipfile dates a
    member named by a string now, and one from a file by its modification)."""

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        self.writestr(str(arcname or filename), Path(filename).read_bytes())

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=FIXED_TIME.timetuple()[:6])
            zinfo_or_arcname.compress_type = self.compression
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)
