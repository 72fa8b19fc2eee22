"""The fields of an opinion, declared once: :data:`FIELDS`.

Adding a field to the opinions means one entry here, the attribute of
:class:`~.model.Opinion` that holds it, and its renderer (render/opinions.py
for a column of the opinion table, or the part of a cell that shows it);
a field that is not plain text (``kind`` TEXT or TEXTS) is also read by a
function of its own in schema.py.  Everything else is made from this table:

* the keys of an opinion in the data format, their kinds and which are
  required (fields.py ``OPINION``), and from them the JSON Schema
  (jsonschema.py, schema/pubcomment.schema.json) and the reading of the
  text fields (schema.py ``_opinion``);
* the column titles read from CSV files and workbooks, and how a list cell
  is split (csvdata.py ``HEADER_ALIASES``, ``LIST_FIELDS``);
* the titles and columns that ``pubcomment import`` and the working sheet
  write (intake.py ``TITLES``);
* the opinion's columns of the open data (opendata.py ``COLUMNS``);
* what the opinion's digest hashes (digest.py: a field left out of it
  would leave an incremental build showing a stale page);
* the texts checked for personal information and those that may be
  withheld (privacy.py, schema.py ``_redact``);
* where each field may appear (:attr:`OpinionField.appears`: the pages,
  the open data, or nowhere unless the consultation's ``publish:`` names
  it), and the column titles that name who submitted, read as no field
  (:func:`identity_title`);
* the texts whose format a consultation chooses (model.py ``TEXT_FIELDS``);
* which fields are columns of the opinion table (render/opinions.py, which
  keeps their order and widths).

tests/unit/test_opinion_fields.py checks the table against the model and
the tables made from it.  Pure Python: no docutils, no Sphinx.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .kinds import CHOICE, INTEGER, LIST, TEXT, TEXTS, Field

# How the data may say that an opinion is, or is not, about the draft.
SCOPES: dict[str, bool] = {"in": True, "本案件": True, "対象": True, "out": False, "本案件外": False, "対象外": False}
# One item of ``redactions``.
REDACTION: dict[str, Field] = {
    "text": Field(TEXT, "公開しない文字列（要旨・考え方・注の中のもの）", required=True),
    "reason": Field(TEXT, "公開しない理由（個人名 …）"),
}
# What an Opinion holds besides its fields: where it was read.
BOOKKEEPING = ("line", "origin", "places")

# Where a field may appear (OpinionField.appears; README 個人情報の確認と一部非公開 draws the table).
PAGES = "pages"  # the pages (HTML, PDF, ePub, the search index) and the open data
OPEN_DATA = "open data"  # the open data only (the CSV, JSON and datapackage.json files, pubcomment export)
ON_REQUEST = "on request"  # nowhere, unless the consultation's ``publish:`` names it: then the open data, privacy-checked
NOWHERE = "nowhere"


@dataclass(frozen=True)
class OpinionField:
    """One field of an opinion, and everything the code does with it."""

    key: str
    # The key in the data format: its kind, its description, whether it is required.
    format: Field
    # The one title of its column in what import and the working sheet write, and in
    # the open data; read back too.  None: never written by import or the working sheet.
    title: str | None
    # Other column titles read as this field (writers' own sheets, titles written before).
    aliases: tuple[str, ...] = ()
    # The attributes of model.Opinion that hold it (default: the key).
    attributes: tuple[str, ...] | None = None
    # A list field's separator in one cell of a CSV file or a sheet.
    separator: str | None = None
    # A citizen's or the body's text: kept as typed, read as plain text or markdown as text_format says.
    prose: bool = False
    # What import and the working sheet write heads it with the body's name: 本市の考え方.
    by_body: bool = False
    # Always a column of the working sheet and of an import, empty or not: what staff fill in.
    sheet: bool = False
    # Shown on the pages (HTML, PDF, ePub): a column of the opinion table, or part of one.
    published: bool = False
    # A column of its own in the opinion table.
    column: bool = False
    # Checked for personal information (privacy.py), and may be withheld (redactions).
    scanned: bool = False
    # The reader gives it a value when the data has none (the position, 1, in scope).
    defaulted: bool = False
    # Its column in the open data, and whether the open data has that column.
    open_data: str | None = None
    exported: bool = False
    # What the open data's Table Schema says of the column.
    described: str = ""
    # Hashed into the opinion's digest (digest.py): what a page or a file shows changes with it.
    digest: bool = True
    # It may tie an opinion to the person who sent it (a 受付番号 can be a name or an
    # e-mail address in a form's export): in no output unless the consultation's
    # ``publish:`` names it, and then in the open data only, checked for personal
    # information like the texts.  Staff's files (import, the working sheet) keep it.
    identity: bool = False
    # Titles that name who submitted but under which earlier releases wrote this field's
    # ids (pubcomment import titled submission 提出者): such a column is read as the field
    # while every value in it is an id (csvdata.settle_id_columns), so old files still build.
    ids_titled: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.format.kind

    @property
    def required(self) -> bool:
        return self.format.required

    @property
    def held_in(self) -> tuple[str, ...]:
        return (self.key,) if self.attributes is None else self.attributes

    @property
    def appears(self) -> str:
        """Where the field may appear: PAGES, OPEN_DATA, ON_REQUEST or NOWHERE."""
        if self.identity:
            return ON_REQUEST
        if self.published:
            return PAGES
        return OPEN_DATA if self.exported and self.open_data else NOWHERE


FIELDS: tuple[OpinionField, ...] = (
    OpinionField(
        "no",
        Field(INTEGER, "御意見の番号（書くならすべての御意見に）"),
        "番号",
        ("No", "通番", "意見番号", "№"),
        attributes=("number", "numbered"),
        sheet=True,
        published=True,
        column=True,
        defaulted=True,
        open_data="no",
        exported=True,
        described="The opinion's number (its position when the data gives none).",
    ),
    OpinionField(
        "topic",
        Field(TEXT, "項目の id"),
        "項目ID",
        ("項目",),
        sheet=True,
        published=True,  # which table the row is in
        open_data="topic",
        exported=True,
        described="The id of the opinion's topic; empty when there are no topics or it is out of scope.",
    ),
    OpinionField(
        "category",
        Field(TEXT, "対応区分の key"),
        "対応区分",
        ("区分",),
        sheet=True,
        published=True,
        column=True,
        open_data="category",
        exported=True,
        described="The key of the category of the response (A, B …).",
    ),
    OpinionField(
        "summary",
        Field(TEXT, "意見の要旨", required=True),
        "意見の要旨",
        ("意見の概要", "御意見", "ご意見", "意見"),
        prose=True,
        sheet=True,
        published=True,
        column=True,
        scanned=True,
        open_data="summary",
        exported=True,
        described="The opinion, as published (its source text).",
    ),
    OpinionField(
        "response",
        Field(TEXT, "本市の考え方", required=True),
        "考え方",
        # csvdata.field_name also reads any title ending 考え方 (本町の考え方) as this field.
        ("本市の考え方", "市の考え方", "回答", "市の検討結果と理由"),
        prose=True,
        by_body=True,
        sheet=True,
        published=True,
        column=True,
        scanned=True,  # the body's answer may quote the citizen
        open_data="response",
        exported=True,
        described="The body's response, as published (its source text).",
    ),
    OpinionField(
        "submission",
        Field(TEXT, "提出（通）の ID。書くならすべての御意見に"),
        "提出ID",
        # Not 提出者: in a form's export that column is who submitted (a name, an e-mail address).
        ("提出番号",),
        ids_titled=("提出者",),
        open_data="submission",
        exported=True,  # when the consultation's publish: names it
        identity=True,
        described="The id of the submission the opinion came in (published only when the data says so).",
    ),
    OpinionField(
        "summary_notes",
        Field(TEXTS, "要旨の（※）の注、順に"),
        "要旨の注",
        separator="\n",
        published=True,  # under the summary
        scanned=True,
        open_data="summary_notes",
        exported=True,
        described="The notes of the summary, in the order of its (※) marks.",
    ),
    OpinionField(
        "response_notes",
        Field(TEXTS, "考え方の（※）の注、順に"),
        "考え方の注",
        separator="\n",
        published=True,  # under the response
        scanned=True,
        open_data="response_notes",
        exported=True,
        described="The notes of the response, in the order of its (※) marks.",
    ),
    OpinionField(
        "sections",
        Field(TEXTS, "関連するプラン本編の箇所のラベル"),
        "関連箇所",
        separator=",",
        published=True,  # 関連箇所：…, under the summary
        open_data="sections",
        exported=True,
        described="The labels of the plan sections the opinion cites.",
    ),
    OpinionField(
        "amendments",
        Field(TEXTS, "この御意見による変更点の id"),
        "変更点",
        ("関連する変更",),  # its title before the titles were one
        separator=",",
        published=True,  # 関連箇所：変更点2, under the summary
        open_data="amendments",
        exported=True,
        described="The ids of the amendments made because of the opinion.",
    ),
    OpinionField(
        "count",
        Field(INTEGER, "同趣旨としてまとめた御意見の件数（1 以上）"),
        "件数",
        published=True,  # 同趣旨 N件, under the summary, and every count
        defaulted=True,
        open_data="count",
        exported=True,
        described="How many submitted opinions the row stands for (同趣旨 N件); 1 for one.",
    ),
    OpinionField(
        "originals",
        Field(TEXTS, "まとめた元の御意見の番号・受付番号"),
        "元の意見",
        separator=",",
        open_data="originals",
        exported=True,  # when the consultation's publish: names it
        identity=True,
        described="The numbers or ids of the submitted opinions the row stands for (published only when the data says so).",
    ),
    OpinionField(
        "scope",
        Field(CHOICE, "本案件（in）か本案件外（out）か", choices=tuple(SCOPES)),
        "本案件",
        ("対象",),
        attributes=("in_scope",),
        published=True,  # the table of the opinions out of scope
        defaulted=True,
        open_data="scope",
        exported=True,
        described="in: about the draft; out: about something else (本案件外).",
    ),
    OpinionField(
        "redactions",
        Field(LIST, "公開しない部分（text）とその理由（reason）の一覧", fields=REDACTION),
        None,  # the texts as read are already withheld: nothing to write back
        ("非公開", "非公開部分"),
        attributes=(),  # applied to the scanned texts as they are read; logged in Consultation.redactions
        digest=False,  # the texts it withholds from are hashed
    ),
)
BY_KEY: dict[str, OpinionField] = {f.key: f for f in FIELDS}
KEYS = tuple(BY_KEY)

# The texts whose format (plain or markdown) a consultation chooses; a field's notes follow it.
TEXT_FIELDS = tuple(f.key for f in FIELDS if f.prose)
# List fields, by the separator of their items in one cell.
LIST_SEPARATORS = {f.key: f.separator for f in FIELDS if f.separator is not None}
# Column titles, in the order import and the working sheet write them.
TITLES = {f.key: f.title for f in FIELDS if f.title is not None}
SHEET_FIELDS = tuple(f.key for f in FIELDS if f.sheet)
SCANNED = tuple(f.key for f in FIELDS if f.scanned)
COLUMNS = tuple(f.key for f in FIELDS if f.column)
# The attributes of an Opinion its digest hashes, in this order.
DIGESTED = tuple(attribute for f in FIELDS if f.digest for attribute in f.held_in)


def data_format() -> dict[str, Field]:
    """The keys of an opinion in the data format (fields.py OPINION)."""
    return {f.key: f.format for f in FIELDS}


def header_aliases() -> dict[str, str]:
    """Every column title read as a field, as written (csvdata.py folds them): key, title, aliases."""
    return {name: f.key for f in FIELDS for name in (f.key, *((f.title,) if f.title else ()), *f.aliases)}


def written_titles(self_reference: str = "本市") -> dict[str, str]:
    """The titles import and the working sheet write, in order: 本市の考え方 for the body's answer."""
    return {key: f"{self_reference}の{title}" if BY_KEY[key].by_body else title for key, title in TITLES.items()}


# The fields a consultation's ``publish:`` may name: those in no output unless it does.
ON_REQUEST_FIELDS = tuple(f.key for f in FIELDS if f.identity)


def exported(published: Iterable[str] | None = None) -> tuple[OpinionField, ...]:
    """The fields that are columns of the open data: of the fields published on request,
    those in ``published`` (a consultation's ``publish:``; None: every one, for the docs)."""
    named = None if published is None else frozenset(published)
    return tuple(f for f in FIELDS if f.exported and f.open_data and (not f.identity or named is None or f.key in named))


def scanned(published: Iterable[str] = ()) -> tuple[str, ...]:
    """The texts checked for personal information: SCANNED, and the fields published on request that ``published`` names."""
    named = frozenset(published)
    return SCANNED + tuple(f.key for f in FIELDS if f.identity and f.key in named)


def unpublished(opinion: object, published: Iterable[str] = ()) -> list[str]:
    """The opinion's values of the fields on request that ``published`` does not name (what no output may hold)."""
    named = frozenset(published)
    found: list[str] = []
    for f in FIELDS:
        if f.identity and f.key not in named:
            value = getattr(opinion, f.key)
            found.extend(v for v in (value if isinstance(value, list) else [value]) if v)
    return found


# Column titles that name who submitted (氏名, 住所, 提出者, 連絡先, メール, 電話 and their
# variants), matched after NFKC and lower case: never read as a field, by the build or
# by import, whatever the data's columns: says (csvdata.header_fields reports them).
_IDENTITY_WORDS = re.compile(
    r"氏名|名前|なまえ|ふりがな|フリガナ|名称|提出者|投稿者|差出人|意見者|住所|所在地|居所|連絡先|メール|電話|携帯|郵便番号|〒"
    r"|e-?mail|mail|phone|tel|fax|address|\bname\b"
)


def ids_field(title: str) -> str | None:
    """The field whose ids an earlier release wrote under ``title``, a title that names who submitted."""
    return next((f.key for f in FIELDS if title.strip() in f.ids_titled), None)


# What an id looks like: letters and digits, perhaps after 受付/第/No. (受付12, S-3, 2025-0012);
# a name, an address or an e-mail address never does.  A telephone number does: it is told
# apart by the privacy patterns (csvdata.settle_id_columns).
_ID = re.compile(r"(?:受付|第|no\.?|#)?\s*[0-9a-z][0-9a-z\-_./]{0,31}(?:号)?", re.IGNORECASE)


def looks_like_id(value: str) -> bool:
    """Whether ``value`` is an id, nothing that could name a person."""
    return bool(_ID.fullmatch(unicodedata.normalize("NFKC", value).strip()))


def identity_title(title: str) -> bool:
    """Whether a column title names who submitted (氏名又は名称, 住所・所在地, 電話番号, E-mail, TEL …);
    the titles of the fields (HEADER aliases) are none."""
    folded = unicodedata.normalize("NFKC", title).strip().lower().rstrip(".")
    if folded in _FIELD_TITLES:
        return False
    return bool(_IDENTITY_WORDS.search(folded))


_FIELD_TITLES = frozenset(unicodedata.normalize("NFKC", name).lower().rstrip(".") for name in header_aliases())
