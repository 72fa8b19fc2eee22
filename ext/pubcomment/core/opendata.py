"""Open data of a consultation: its opinions as CSV and JSON, and a Frictionless Data Package.

Pure functions from a :class:`~.model.Consultation` to rows and files, so
that the build (html/opendata.py writes them beside the results page) and
the command line (``pubcomment export``) publish the same bytes.

The columns are declared once, in :data:`COLUMNS`: the CSV header, the
JSON objects and the Table Schema of ``datapackage.json`` are made from it.
The opinion's own fields are there as core/opinion_fields.py declares them
(their titles, and whether the open data has them at all).

CSV cells that Excel would read as a formula (a cell starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return, or their full-width forms,
after any spaces) start with an apostrophe (``'``) in the CSV files, as OWASP
recommends against CSV injection (core/formulas.py, the one rule of every
file the toolkit writes); the JSON keeps every text as written.

The opinion's fields published on request (core/opinion_fields.py
``ON_REQUEST``: ``submission``, ``originals``) are columns only of a
consultation whose ``publish:`` names them (:func:`columns_of`).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import re
import secrets
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import formulas, opinion_fields, recordfile
from .digest import opinion_digest
from .formulas import FORMULA_STARTS, NEUTRALISER, neutralise
from .ids import slug, token
from .kinds import INTEGER
from .model import Consultation, Opinion

# Lists inside one CSV cell (originals, sections, amendments, notes).
LIST_SEPARATOR = "\n"
BOM = "\ufeff".encode()

# The files of one consultation, in the directory opendata/<name>/ of the HTML output.
CSV_FILE = "opinions.csv"  # UTF-8 with a BOM: Excel opens it as UTF-8
CSV_PLAIN_FILE = "opinions-utf8.csv"  # UTF-8 without a BOM, for programs
JSON_FILE = "consultation.json"
PACKAGE_FILE = "datapackage.json"
FILES = (CSV_FILE, CSV_PLAIN_FILE, JSON_FILE, PACKAGE_FILE)
DIRECTORY = "opendata"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string or integer
    title: str  # in Japanese, for the reader of the CSV
    description: str
    many: bool = False  # a list: joined by LIST_SEPARATOR in CSV, a JSON array
    required: bool = False
    enum: tuple[str, ...] = ()


def _field_column(key: str) -> Column:
    """The column of one of the opinion's fields, as core/opinion_fields.py declares it."""
    f = opinion_fields.BY_KEY[key]
    assert f.open_data is not None and f.title is not None, key
    return Column(
        f.open_data,
        "integer" if f.kind == INTEGER else "string",
        f.title,
        f.described,
        many=f.separator is not None,
        required=f.required or f.defaulted,
        enum=_ENUMS.get(key, ()),
    )


# What _row writes for a choice.
_ENUMS = {"scope": ("in", "out")}
# Columns that are no field of the opinion: what its topic and category say.
_LOOKED_UP = {
    "topic_title": Column("topic_title", "string", "項目", "The title of the opinion's topic."),
    "category_label": Column("category_label", "string", "対応区分の名称", "The category's short name (反映 …), when the data gives one."),
    "category_description": Column("category_description", "string", "対応区分の内容", "What the category means."),
}
# The order of the columns.  Of the opinion's own fields, those core/opinion_fields.py exports.
_ORDER = (
    "no",
    "topic",
    "topic_title",
    "category",
    "category_label",
    "category_description",
    "scope",
    "count",
    "originals",
    "summary",
    "summary_notes",
    "response",
    "response_notes",
    "sections",
    "amendments",
    "submission",
)


def columns(published: Iterable[str] | None = None) -> tuple[Column, ...]:
    """The columns of the open data, in order: of the fields published on request
    (core/opinion_fields.py ON_REQUEST), those ``published`` names (None: all of them)."""
    exported = frozenset(f.key for f in opinion_fields.exported(published))
    return tuple(
        _LOOKED_UP[name] if name in _LOOKED_UP else _field_column(name) for name in _ORDER if name in _LOOKED_UP or name in exported
    )


# Every column the open data can have (the documentation's list).
COLUMNS: tuple[Column, ...] = columns()


@functools.cache
def _columns_named(published: tuple[str, ...]) -> tuple[Column, ...]:
    return columns(published)


def columns_of(consultation: Consultation) -> tuple[Column, ...]:
    """The columns of a consultation's open data: what its ``publish:`` names of the fields on request."""
    return _columns_named(tuple(sorted(consultation.publish)))


def opinion_rows(consultation: Consultation) -> list[dict[str, Any]]:
    """One mapping per published row of opinions, by the names of :data:`COLUMNS`; lists stay lists."""
    return list(_opinion_rows(consultation))


def _opinion_rows(consultation: Consultation) -> Iterator[dict[str, Any]]:
    topics, categories = _lookups(consultation)
    names = _names(consultation)
    return (_row(opinion, topics, categories, names) for opinion in consultation.opinions)


def _names(consultation: Consultation) -> tuple[str, ...]:
    return tuple(column.name for column in columns_of(consultation))


def _row(opinion: Opinion, topics: dict[str, str], categories: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """The row's values of the columns ``names`` (never a value of a column not named: a field not published is not read)."""
    category = categories.get(opinion.category)
    topic = opinion.topic if opinion.in_scope else ""
    row = {
        "no": opinion.number,
        "topic": topic,
        "topic_title": topics.get(topic, ""),
        "category": opinion.category,
        "category_label": category.label if category else "",
        "category_description": category.description if category else "",
        "scope": "in" if opinion.in_scope else "out",
        "count": opinion.count,
        "summary": opinion.summary,
        "summary_notes": list(opinion.summary_notes),
        "response": opinion.response,
        "response_notes": list(opinion.response_notes),
        "sections": list(opinion.sections),
        "amendments": list(opinion.amendments),
    }
    if "originals" in names:
        row["originals"] = list(opinion.originals)
    if "submission" in names:
        row["submission"] = opinion.submission
    return {name: row[name] for name in names}


def csv_text(consultation: Consultation) -> str:
    """The opinions as CSV (CRLF line ends, every text cell safe from formula injection)."""
    return csv_bytes(consultation, bom=False).decode("utf-8")


def _csv_row_encoder() -> Callable[[list[str]], bytes]:
    """One CSV row as UTF-8 bytes, as the csv module writes it in a whole file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def encode(cells: list[str]) -> bytes:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue().encode("utf-8")

    return encode


def _csv_file(consultation: Consultation, digests: Sequence[bytes]) -> RecordsFile:
    encode = _csv_row_encoder()
    chosen = columns_of(consultation)
    head = encode([column.name for column in chosen])
    topics, categories = _lookups(consultation)

    def records() -> Iterator[recordfile.Record]:
        for opinion, digest in zip(consultation.opinions, digests, strict=True):
            yield digest, functools.partial(_csv_row, encode, topics, categories, chosen, opinion)

    return RecordsFile(head, records, b"", b"", _context(consultation, "csv"))


def _csv_row(
    encode: Callable[[list[str]], bytes], topics: dict[str, str], categories: dict[str, Any], chosen: tuple[Column, ...], opinion: Opinion
) -> bytes:
    row = _row(opinion, topics, categories, tuple(column.name for column in chosen))
    return encode([_cell(column, row[column.name]) for column in chosen])


def _cell(column: Column, value: Any) -> str:
    if column.type == "integer":
        return str(value)
    text = LIST_SEPARATOR.join(value) if column.many else str(value)
    return neutralise(text)


def csv_bytes(consultation: Consultation, *, bom: bool = True) -> bytes:
    """The CSV file: UTF-8, with a byte order mark by default (so Excel reads it as UTF-8)."""
    return (BOM if bom else b"") + _in_memory(_csv_file(consultation, _digests(consultation, None)))


def json_data(consultation: Consultation) -> dict[str, Any]:
    """Everything the results publish, as one JSON-ready mapping."""
    return _json_data(consultation, opinion_rows(consultation))


def _json_data(c: Consultation, opinions: Any) -> dict[str, Any]:
    return {
        "title": c.title,
        "body": {"name": c.body_name, "self": c.self_reference},
        "plan": c.plan,
        "published": c.published.isoformat() if c.published else None,
        "period": {"start": c.start.isoformat() if c.start else None, "end": c.end.isoformat() if c.end else None},
        "counts": {
            "submissions": c.submission_count,
            "opinions": c.opinion_count,
            "rows": c.row_count,
            "in_scope": c.in_scope_count,
            "out_of_scope": c.out_of_scope_count,
            "grouped": c.grouped_count,
        },
        "submission_methods": [{"method": m, "count": c.method_counts.get(m)} for m in c.submission_methods],
        "categories": [{"key": k.key, "label": k.label, "description": k.description} for k in c.categories],
        "topics": [{"id": t.id, "title": t.title} for t in c.topics],
        "opinions": opinions,
        "amendments": [
            {"id": a.id, "summary": a.summary, "location": a.location, "before": a.before, "after": a.after} for a in c.amendments
        ],
        # True when the data says the draft was not changed (amendments: []).
        "no_amendments": c.no_amendments,
    }


# The JSON file is json.dump(json_data(c), ensure_ascii=False, indent=2) and a line end, made
# an opinion at a time: each opinion is two levels deep, so its own text indented by four more.
# With an indent json encodes in Python, a call per value; a record is one mapping of values
# and lists of values, so its indented text is put together here, each text escaped by json's
# own C function (the same bytes: tests/unit/test_recordfile.py).  100,000 records: 2.6 → 2.0 s.
_FLAT = json.JSONEncoder(ensure_ascii=False).encode
_OPINION_INDENT = "\n    "
_FIELD, _ITEM = _OPINION_INDENT + "  ", _OPINION_INDENT + "    "


def _json_value(value: Any) -> str:
    if isinstance(value, str):
        return json.encoder.encode_basestring(value)
    if isinstance(value, list):
        return "[" + _ITEM + ("," + _ITEM).join(map(_json_value, value)) + _FIELD + "]" if value else "[]"
    if value is None or isinstance(value, bool) or not isinstance(value, int):
        return _FLAT(value)
    return int.__repr__(value)  # as json writes an int (an IntEnum too)


def _json_file(consultation: Consultation, digests: Sequence[bytes]) -> RecordsFile:
    marker = f"pubcomment-opinions-{secrets.token_hex(16)}"  # in no text of the data
    before, after = json.dumps(_json_data(consultation, marker), ensure_ascii=False, indent=2).split(f'"{marker}"')
    opened, closed = ("[" + _OPINION_INDENT, "\n  ]") if consultation.opinions else ("[", "]")
    topics, categories = _lookups(consultation)
    names = _names(consultation)

    def records() -> Iterator[recordfile.Record]:
        for opinion, digest in zip(consultation.opinions, digests, strict=True):
            yield digest, functools.partial(_json_record, topics, categories, names, opinion)

    return RecordsFile(
        (before + opened).encode("utf-8"),
        records,
        ("," + _OPINION_INDENT).encode("utf-8"),
        (closed + after + "\n").encode("utf-8"),
        _context(consultation, "json"),
    )


def _json_record(topics: dict[str, str], categories: dict[str, Any], names: tuple[str, ...], opinion: Opinion) -> bytes:
    fields = [f"{_FIELD}{_json_value(key)}: {_json_value(value)}" for key, value in _row(opinion, topics, categories, names).items()]
    return ("{" + ",".join(fields) + _OPINION_INDENT + "}").encode("utf-8")


def json_bytes(consultation: Consultation) -> bytes:
    return _in_memory(_json_file(consultation, _digests(consultation, None)))


def table_schema(chosen: tuple[Column, ...] = COLUMNS) -> dict[str, Any]:
    """The Table Schema of the opinions CSV, from its columns (:data:`COLUMNS`, or a consultation's :func:`columns_of`)."""
    fields = []
    for column in chosen:
        field: dict[str, Any] = {"name": column.name, "type": column.type, "title": column.title, "description": column.description}
        constraints: dict[str, Any] = {}
        if column.required:
            constraints["required"] = True
        if column.enum:
            constraints["enum"] = list(column.enum)
        if column.type == "integer":
            constraints["minimum"] = 1 if column.name == "count" else 0
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "missingValues": []}


def package_name(name: str) -> str:
    """A Data Package name: lower-case ASCII letters, digits, ``-``, ``.`` and ``_``."""
    return slug(name) or token(name)


def datapackage(consultation: Consultation, name: str) -> dict[str, Any]:
    """The descriptor of the files :func:`files` writes (Frictionless Data Package v1)."""
    schema = table_schema(columns_of(consultation))
    description = (
        f"Opinions in {CSV_FILE} and {CSV_PLAIN_FILE}: a text cell that starts with "
        f"{' '.join(repr(s) for s in FORMULA_STARTS[:4])}, a tab or a carriage return (or a full-width "
        f"= + - @), after any spaces or apostrophes, starts with one apostrophe ({NEUTRALISER}) more so that "
        "a spreadsheet does not read it as a formula; "
        f"lists in one cell are separated by line breaks. {JSON_FILE} holds the texts as written."
    )
    return {
        "profile": "tabular-data-package",
        "name": package_name(name),
        "title": consultation.title,
        "description": description,
        "resources": [
            {
                "name": "opinions",
                "path": CSV_FILE,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "title": "意見と考え方（Excel 用、BOM 付き UTF-8）",
                "schema": schema,
            },
            {
                "name": "opinions-utf8",
                "path": CSV_PLAIN_FILE,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": "意見と考え方（UTF-8）",
                "schema": schema,
            },
        ],
    }


@dataclass(frozen=True)
class RecordsFile:
    """A file of one record per opinion (core/recordfile.py): written again, an unchanged opinion's record is copied."""

    head: bytes
    records: Callable[[], Iterator[recordfile.Record]]
    separator: bytes
    tail: bytes
    context: bytes  # what every record is made with besides its opinion


@dataclass(frozen=True)
class WholeFile:
    data: Callable[[], bytes]


@dataclass(frozen=True)
class CopyOf:
    """The bytes of a file written before, after ``prefix`` (the CSV for Excel: the other with a BOM)."""

    name: str
    prefix: bytes


Content = RecordsFile | WholeFile | CopyOf


def contents(consultation: Consultation, name: str, digests: Sequence[bytes] | None = None) -> list[tuple[str, Content]]:
    """Every open-data file of a consultation: its name, and what it holds, in an order
    in which a :class:`CopyOf` comes after its file.  The files are written one at a time
    and an opinion at a time: at 100,000 opinions each is some 250 MB, and made in memory
    all at once they were most of a build's peak memory.  ``digests``: each opinion's
    (core/digest.py), when the caller has them."""
    kept = _digests(consultation, digests)
    return [
        (CSV_PLAIN_FILE, _csv_file(consultation, kept)),
        (CSV_FILE, CopyOf(CSV_PLAIN_FILE, BOM)),
        (JSON_FILE, _json_file(consultation, kept)),
        (
            PACKAGE_FILE,
            WholeFile(lambda: (json.dumps(datapackage(consultation, name), ensure_ascii=False, indent=2) + "\n").encode("utf-8")),
        ),
    ]


def files(consultation: Consultation, name: str) -> Iterator[tuple[str, bytes]]:
    """Every open-data file of a consultation, by file name, as bytes (for tools and tests)."""
    made: dict[str, bytes] = {}
    for file_name, content in contents(consultation, name):
        if isinstance(content, RecordsFile):
            made[file_name] = _in_memory(content)
        elif isinstance(content, CopyOf):
            made[file_name] = content.prefix + made[content.name]
        else:
            made[file_name] = content.data()
    for file_name in FILES:
        yield file_name, made[file_name]


def _in_memory(content: RecordsFile) -> bytes:
    out = io.BytesIO()
    recordfile.write(out, content.head, content.records(), content.separator, content.tail, context=content.context)
    return out.getvalue()


def _digests(consultation: Consultation, given: Sequence[bytes] | None) -> Sequence[bytes]:
    if given is not None and len(given) == len(consultation.opinions):
        return given
    return [opinion_digest(o) for o in consultation.opinions]


def _lookups(consultation: Consultation) -> tuple[dict[str, str], dict[str, Any]]:
    return {t.id: t.title for t in consultation.topics}, {c.key: c for c in consultation.categories}


def _context(consultation: Consultation, kind: str) -> bytes:
    """What every record of a file is made from besides its opinion: the code, the columns, the topics and categories."""
    shared = repr(
        (
            kind,
            columns_of(consultation),
            sorted(_lookups(consultation)[0].items()),
            [(c.key, c.label, c.description) for c in consultation.categories],
        )
    )
    return hashlib.blake2b(shared.encode("utf-8", "surrogatepass"), key=code_digest(), digest_size=16).digest()


@functools.cache
def code_digest() -> bytes:
    """A digest of the code that makes the records: new code encodes every record again."""
    code = b"".join(Path(module.__file__ or "").read_bytes() for module in (sys.modules[__name__], recordfile, formulas, opinion_fields))
    return hashlib.blake2b(code, digest_size=16).digest()


def directory_name(key: str) -> str:
    """The directory under opendata/ of a consultation: ``results/index`` → ``results``,
    ``samples/town/index`` → ``samples-town``.  A key of other characters than
    a-z, 0-9 and ``/`` (a hyphen, 見本町) gets a digest of itself, so that distinct
    keys never share a directory."""
    name = key.removesuffix("/index") if key != "index" else key
    if name and _PLAIN_KEY.fullmatch(name):
        return name.replace("/", "-")
    digest = hashlib.blake2s(key.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    return f"{slug(name)}-x{digest}" if slug(name) else f"x{digest}"


_PLAIN_KEY = re.compile(r"[a-z0-9]+(?:/[a-z0-9]+)*")


def path_of(key: str, file_name: str) -> str:
    """Where a consultation's open-data file is, relative to the root of the HTML output."""
    return f"{DIRECTORY}/{directory_name(key)}/{file_name}"
