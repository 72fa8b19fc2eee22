"""The one declaration of an opinion's fields (core/opinion_fields.py): it covers the model,
each field has one title wherever it is written, and the tables made from it are the ones
that were kept by hand before (every column title read then is read now)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from pubcomment.core import csvdata, digest, fields, intake, opendata, opinion_fields, privacy
from pubcomment.core.kinds import TEXT, TEXTS
from pubcomment.core.model import Category, Consultation, Opinion
from pubcomment.core.problems import Problem, Subtype
from pubcomment.render import opinions as render_opinions

EXT = Path(__file__).resolve().parent.parent.parent / "ext"

# The column titles csvdata.py and intake.py read before the declaration (HEADER_ALIASES, TITLES):
# writers' files headed with them must go on being read, each as the same field.
HEADERS_BEFORE = {
    "no": "no",
    "No": "no",
    "番号": "no",
    "通番": "no",
    "意見番号": "no",
    "№": "no",
    "項目": "topic",
    "topic": "topic",
    "意見の要旨": "summary",
    "意見の概要": "summary",
    "御意見": "summary",
    "ご意見": "summary",
    "意見": "summary",
    "summary": "summary",
    "本市の考え方": "response",
    "市の考え方": "response",
    "考え方": "response",
    "回答": "response",
    "市の検討結果と理由": "response",
    "response": "response",
    "区分": "category",
    "対応区分": "category",
    "category": "category",
    "提出番号": "submission",
    "submission": "submission",
    "要旨の注": "summary_notes",
    "summary_notes": "summary_notes",
    "考え方の注": "response_notes",
    "response_notes": "response_notes",
    "関連箇所": "sections",
    "sections": "sections",
    "関連する変更": "amendments",
    "amendments": "amendments",
    "件数": "count",
    "count": "count",
    "元の意見": "originals",
    "originals": "originals",
    "対象": "scope",
    "scope": "scope",
    "非公開": "redactions",
    "非公開部分": "redactions",
    "redactions": "redactions",
}
# The open data's columns before (opendata.COLUMNS): the files published must not change.
OPEN_DATA_BEFORE = [
    ("no", "integer", "番号", True, False),
    ("topic", "string", "項目ID", False, False),
    ("topic_title", "string", "項目", False, False),
    ("category", "string", "対応区分", False, False),
    ("category_label", "string", "対応区分の名称", False, False),
    ("category_description", "string", "対応区分の内容", False, False),
    ("scope", "string", "本案件", True, False),
    ("count", "integer", "件数", True, False),
    ("originals", "string", "元の意見", False, True),
    ("summary", "string", "意見の要旨", True, False),
    ("summary_notes", "string", "要旨の注", False, True),
    ("response", "string", "考え方", True, False),
    ("response_notes", "string", "考え方の注", False, True),
    ("sections", "string", "関連箇所", False, True),
    ("amendments", "string", "変更点", False, True),
    ("submission", "string", "提出ID", False, False),
]


def an_opinion() -> Opinion:
    return Opinion(
        3,
        "要旨",
        "考え方",
        category="A",
        topic="t",
        submission="R-1",
        summary_notes=["注1"],
        response_notes=["注2"],
        sections=["1(1)"],
        amendments=["a1"],
        numbered=True,
        count=2,
        originals=["1", "2"],
    )


def test_every_attribute_of_the_model_is_a_declared_field() -> None:
    held = [attribute for f in opinion_fields.FIELDS for attribute in f.held_in]
    assert len(held) == len(set(held)), "an attribute is held by two fields"
    model = {f.name for f in dataclasses.fields(Opinion)}
    assert model - set(opinion_fields.BOOKKEEPING) - set(held) == set(), "a field of the model is not in core/opinion_fields.py"
    assert set(held) - model == set(), "a declared field is no attribute of the model"


def test_each_field_has_one_title_wherever_it_is_written(tmp_path: Path) -> None:
    namings: dict[str, set[str]] = {f.key: set() for f in opinion_fields.FIELDS}

    def named(key: str, title: str, self_reference: str | None = "本市") -> None:
        if self_reference and opinion_fields.BY_KEY[key].by_body:  # 本市の考え方: the title after the body's name
            assert title.startswith(f"{self_reference}の"), title
            title = title.removeprefix(f"{self_reference}の")
        namings[key].add(title)

    for key, title in intake.TITLES.items():  # pubcomment import's opinions.csv
        named(key, title)
    # The working sheet, of a body that calls itself 本町.
    consultation = Consultation("件名", "見本町", "本町", "", None, None, categories=[Category("A", "反映")])
    consultation.opinions = [an_opinion()]
    consultation.opinions[0].in_scope = False
    consultation.opinions[0].count = 3  # written when it is not the number of originals
    sheet = io.BytesIO()
    intake.write_workbook(consultation, sheet)
    header = [cell.value for cell in openpyxl.load_workbook(sheet).active[1]]
    for cell in header:
        assert isinstance(cell, str), header
        read_as = csvdata.field_name(cell)
        assert read_as is not None, cell
        named(read_as, cell, "本町")
    assert len(header) == len(intake.TITLES), "the working sheet leaves out a column"
    for column in opendata.table_schema()["fields"]:  # the open data's Table Schema
        if column["name"] in opinion_fields.KEYS:
            named(column["name"], column["title"], None)
    for key, titles in namings.items():
        declared = opinion_fields.BY_KEY[key].title
        assert titles == ({declared} if declared else set()), f"{key!r} is titled {sorted(titles)}, declared {declared!r}"


def test_every_title_read_before_is_read_as_the_same_field() -> None:
    for title, key in HEADERS_BEFORE.items():
        assert csvdata.field_name(title) == key, title
        assert csvdata.field_name(f"{title}.".upper()) == key, title  # folded as before
    # What import and the working sheet write now is read back too.
    for key, title in opinion_fields.written_titles("本町").items():
        assert csvdata.field_name(title) == key, title


def test_no_title_names_two_fields() -> None:
    seen: dict[str, str] = {}
    for f in opinion_fields.FIELDS:
        for title in (f.key, *((f.title,) if f.title else ()), *f.aliases):
            folded = csvdata._folded(title)
            assert seen.setdefault(folded, f.key) == f.key, f"{title!r} names {seen[folded]!r} and {f.key!r}"


def test_the_tables_made_from_it_are_those_kept_by_hand_before() -> None:
    assert set(HEADERS_BEFORE.values()) == csvdata.FIELDS
    assert csvdata.LIST_FIELDS == {"summary_notes": "\n", "response_notes": "\n", "sections": ",", "amendments": ",", "originals": ","}
    assert {"summary", "response"} == csvdata.KEPT_AS_TYPED
    assert opinion_fields.TEXT_FIELDS == fields.TEXT_FORMAT_FIELDS == ("summary", "response")
    assert list(intake.TITLES) == [
        *("no", "topic", "category", "summary", "response", "submission"),
        *("summary_notes", "response_notes", "sections", "amendments", "count", "originals", "scope"),
    ]
    assert intake.WORKING_FIELDS == ("no", "topic", "category", "summary", "response")
    assert {"summary", "response", "summary_notes", "response_notes"} == intake.WRAPPED
    assert [(name, f.kind, f.required) for name, f in fields.OPINION.items()] == [
        ("no", "integer", False),
        ("topic", "text", False),
        ("category", "text", False),
        ("summary", "text", True),
        ("response", "text", True),
        ("submission", "text", False),
        ("summary_notes", "texts", False),
        ("response_notes", "texts", False),
        ("sections", "texts", False),
        ("amendments", "texts", False),
        ("count", "integer", False),
        ("originals", "texts", False),
        ("scope", "choice", False),
        ("redactions", "list", False),
    ]
    assert [(c.name, c.type, c.title, c.required, c.many) for c in opendata.COLUMNS] == OPEN_DATA_BEFORE
    assert opinion_fields.SCANNED == ("summary", "response", "summary_notes", "response_notes")
    assert [f for f, _text in privacy._fields(an_opinion())] == ["summary", "response", "summary_notes", "response_notes"]
    assert set(opinion_fields.DIGESTED) == {f.name for f in dataclasses.fields(Opinion)} - set(opinion_fields.BOOKKEEPING)


def test_the_declaration_holds_together() -> None:
    for f in opinion_fields.FIELDS:
        assert not f.column or f.published, f"{f.key}: a column of the opinion table is published"
        assert not f.exported or (f.open_data and f.title and f.described), f"{f.key}: exported, it needs a column, title, description"
        assert (f.separator is not None) == (f.kind == TEXTS), f"{f.key}: a list has a separator in a cell, and only a list"
        assert not f.scanned or f.kind in (TEXT, TEXTS), f"{f.key}: only texts are checked for personal information"
        # schema.py reads a text field into the attribute of its key.
        assert f.kind not in (TEXT, TEXTS) or f.held_in == (f.key,), f.key
        if f.published:
            assert f.digest and set(f.held_in) <= set(opinion_fields.DIGESTED), f"{f.key}: a page shows it, so a change of it must show"


def test_a_change_of_any_digested_attribute_changes_the_digest() -> None:
    before = digest.opinion_digest(an_opinion())
    for attribute in opinion_fields.DIGESTED:
        changed = an_opinion()
        value = getattr(changed, attribute)
        setattr(changed, attribute, [*value, "x"] if isinstance(value, list) else not value if isinstance(value, bool) else value + value)
        assert digest.opinion_digest(changed) != before, attribute


def test_the_opinion_table_has_the_declared_columns() -> None:
    assert set(render_opinions._WIDTHS) == set(opinion_fields.COLUMNS) == set(render_opinions._CELLS)
    assert set(render_opinions._WIDTHS_WITHOUT_CATEGORY) == set(opinion_fields.COLUMNS) - {"category"}
    assert sum(render_opinions._WIDTHS.values()) == sum(render_opinions._WIDTHS_WITHOUT_CATEGORY.values()) == 100


def test_the_open_data_has_the_exported_fields_and_no_other() -> None:
    consultation = Consultation("件名", "見本市", "本市", "", None, None, opinions=[an_opinion()])
    exported = {f.open_data for f in opinion_fields.exported()}
    names = {c.name for c in opendata.COLUMNS}
    assert names & set(opinion_fields.KEYS) == exported
    # The fields published on request are columns only when the data's publish: names them.
    on_request = set(opinion_fields.ON_REQUEST_FIELDS)
    assert on_request == {"submission", "originals"}
    assert set(opendata.opinion_rows(consultation)[0]) == names - on_request
    consultation.publish = ["submission"]
    assert set(opendata.opinion_rows(consultation)[0]) == names - {"originals"}
    consultation.publish = list(on_request)
    assert set(opendata.opinion_rows(consultation)[0]) == names


def test_where_each_field_may_appear() -> None:
    """The policy the README draws: the pages, the open data, or nowhere unless the data says."""
    appears = {f.key: f.appears for f in opinion_fields.FIELDS}
    assert appears == {
        **dict.fromkeys(
            (
                "no",
                "topic",
                "category",
                "summary",
                "response",
                "summary_notes",
                "response_notes",
                "sections",
                "amendments",
                "count",
                "scope",
            ),
            opinion_fields.PAGES,
        ),
        "submission": opinion_fields.ON_REQUEST,
        "originals": opinion_fields.ON_REQUEST,
        "redactions": opinion_fields.NOWHERE,
    }
    assert all(not f.published for f in opinion_fields.FIELDS if f.identity), "a field on request is on no page"
    assert opinion_fields.scanned() == opinion_fields.SCANNED
    assert opinion_fields.scanned(["submission"]) == (*opinion_fields.SCANNED, "submission")


@pytest.mark.parametrize(
    "title",
    ["氏名", "氏名又は名称", "名前", "お名前", "住所", "住所・所在地", "提出者", "提出者氏名", "連絡先", "メール", "メールアドレス",
     "E-mail", "e-mail", "Ｅメール", "電話", "電話番号", "TEL", "ＴＥＬ", "Tel.", "FAX", "携帯電話", "郵便番号", "Name", "Address"],
)  # fmt: skip
def test_a_title_that_names_who_submitted_is_no_field(title: str) -> None:
    assert opinion_fields.identity_title(title)
    ids = opinion_fields.ids_field(title)  # 提出者: read while its values are ids (settle_id_columns)
    for columns in (None, {title: "submission"}) if ids else ():
        assert csvdata.header_fields([title], [1], [], columns) == [ids]
    for columns in ({title: "summary"},) if ids else (None, {title: "submission"}, {title: "summary"}):
        problems: list[Problem] = []
        assert csvdata.header_fields([title], [1], problems, columns) == [""], columns  # never read, whatever the data says
        assert [p.subtype for p in problems] == [Subtype.PRIVACY]
    left_out: list[Problem] = []
    assert csvdata.header_fields([title], [1], left_out, {title: None}) == [""] and not left_out


@pytest.mark.parametrize("title", sorted(opinion_fields.header_aliases()))
def test_no_title_of_a_field_names_who_submitted(title: str) -> None:
    assert not opinion_fields.identity_title(title)


def test_not_exporting_a_field_is_one_line_of_the_declaration(tmp_path: Path) -> None:
    """Flipped in a copy of the code, ``exported`` of ``submission`` takes it out of every open-data file."""
    shutil.copytree(EXT / "pubcomment", tmp_path / "pubcomment", ignore=shutil.ignore_patterns("__pycache__"))
    declaration = tmp_path / "pubcomment/core/opinion_fields.py"
    text = declaration.read_text(encoding="utf-8")
    flipped = re.sub(r'("submission",.*?exported=)True', r"\1False", text, count=1, flags=re.S)
    assert flipped.count("exported=False") == text.count("exported=False") + 1
    declaration.write_text(flipped, encoding="utf-8")
    script = (
        "import json\n"
        "from pubcomment.core import opendata\n"
        "from pubcomment.core.model import Consultation, Opinion\n"
        "c = Consultation('件名', '見本市', '本市', '', None, None, opinions=[Opinion(1, '要旨', '考え方', submission='R-1')],"
        " publish=['submission'])\n"
        "files = dict(opendata.files(c, 'x'))\n"
        "print(json.dumps([files['opinions-utf8.csv'].decode(), json.loads(files['consultation.json'])['opinions'][0],"
        " [f['name'] for f in json.loads(files['datapackage.json'])['resources'][0]['schema']['fields']]]))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    csv_text, record, schema_names = json.loads(run.stdout)
    assert "submission" not in csv_text and "R-1" not in csv_text
    assert "submission" not in record and "submission" not in schema_names
    assert "summary" in record and "summary" in schema_names


@pytest.mark.parametrize(
    ("values", "kept"),
    [
        (["S1", "S2", "受付12", "R-001", "2025-0012", "第3号"], True),  # ids, as the import of earlier releases wrote them
        (["S1", "見本 提出太郎"], False),  # a name
        (["S1", "mihon@example.jp"], False),
        (["S1", "090-0000-0001"], False),  # looks like an id, but is a telephone number
    ],
)
def test_a_submitter_column_of_ids_is_read_and_one_of_names_is_not(values: list[str], kept: bool) -> None:
    text = "意見の要旨,本市の考え方,提出者\r\n" + "".join(f"要旨{i},考え方{i},{v}\r\n" for i, v in enumerate(values))
    rows, problems = csvdata.parse_opinion_csv(text)
    read = [row.value.get("submission") for row in rows.value]
    if kept:
        assert [r.value for r in read if r is not None] == values and problems == []
    else:
        assert read == [None] * len(values)
        assert [(p.subtype, p.line) for p in problems] == [(Subtype.PRIVACY, 1)]  # at its title, as every such column
        assert "提出者" in problems[0].message and all(v not in problems[0].message for v in values)
