"""Open data: the opinions as CSV and JSON, described by a Frictionless Data Package."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import frictionless
import pytest
from frictionless.resources import TableResource

from pubcomment.cli import main
from pubcomment.core import formulas, loader, opendata

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = {
    "results": ROOT / "source/results/data/consultation.yaml",
    "samples-prefecture": ROOT / "source/samples/prefecture/data/consultation.yaml",
}

HOSTILE = """\
title: 見本
body: {name: 見本市}
period: {start: 2025-06-02, end: 2025-07-01}
categories: [{key: A, label: 反映, description: 修正したもの}]
topics: [{id: t, title: 項目}]
publish: [originals]
opinions:
  - {topic: t, category: A, summary: "=HYPERLINK(\\"http://example.com\\")", response: "+1"}
  - {topic: t, category: A, summary: "-2", response: "@SUM(A1)", count: 2, originals: ["受付1", "受付2"]}
  - {topic: t, category: A, summary: "\\tタブ", response: "\\r改行", scope: out}
  - {topic: t, category: A, summary: "＝全角", response: "普通の文, =途中は式でない"}
"""


def consultation_of(tmp_path: Path, text: str):
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = loader.load_file(path, root=tmp_path)
    assert not loaded.problems
    return loaded.consultation


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+81", "'+81"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("＝式", "'＝式"),
        ("意見=式", "意見=式"),
        ("", ""),
        # One apostrophe more than the text has, so that reading the CSV back gives the text (core/formulas.py).
        ("'=already", "''=already"),
        ("'plain", "'plain"),
        ("＋81", "'＋81"),
        ("－5", "'－5"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        (" =1+1", "' =1+1"),
        ("\u3000＝式", "'\u3000＝式"),
        ("\n@x", "'\n@x"),
        ("  -5", "'  -5"),
        ("5-3", "5-3"),
    ],
)
def test_cells_are_neutralised_against_formulas(cell: str, written: str) -> None:
    assert opendata.neutralise(cell) == written
    assert formulas.restore(written) == cell  # the one rule, read back by the build (csvdata)
    assert not formulas.is_formula_like(written.removeprefix("'")) or written.startswith("'")


def test_the_fields_on_request_are_in_no_file_unless_published(tmp_path: Path) -> None:
    text = HOSTILE.replace("publish: [originals]\n", "").replace(
        'count: 2, originals: ["受付1", "受付2"]', 'count: 2, originals: ["見本受付1", "見本受付2"]'
    )
    text = re.sub(r"(summary: \S+?,)", r"\1 submission: 見本提出者,", text)
    consultation = consultation_of(tmp_path, text)
    assert consultation.publish == []
    for name, data in opendata.files(consultation, "x"):
        decoded = data.decode("utf-8-sig")
        assert "見本受付" not in decoded and "見本提出者" not in decoded, name
        assert '"originals"' not in decoded and '"submission"' not in decoded, name
    (tmp_path / "p").mkdir()
    published = consultation_of(tmp_path / "p", text.replace("opinions:\n", "publish: originals\nopinions:\n", 1))
    files = dict(opendata.files(published, "x"))
    assert "見本受付1" in files[opendata.CSV_FILE].decode("utf-8-sig") and "見本提出者" not in files[opendata.JSON_FILE].decode()


def test_the_csv_says_every_opinion_and_no_formula(tmp_path: Path) -> None:
    consultation = consultation_of(tmp_path, HOSTILE)
    data = opendata.csv_bytes(consultation)
    assert data.startswith(b"\xef\xbb\xbfno,topic,")
    assert opendata.csv_bytes(consultation, bom=False) == data[3:]
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["summary"] for r in rows] == ['\'=HYPERLINK("http://example.com")', "'-2", "'\tタブ", "'＝全角"]
    assert [r["response"] for r in rows] == ["'+1", "'@SUM(A1)", "'\r改行", "普通の文, =途中は式でない"]
    assert [r["scope"] for r in rows] == ["in", "in", "out", "in"]
    assert [r["topic_title"] for r in rows] == ["項目", "項目", "", "項目"]  # out of scope: no topic
    assert rows[1]["count"] == "2" and rows[1]["originals"] == "受付1\n受付2"
    assert rows[0]["category_label"] == "反映" and rows[0]["category_description"] == "修正したもの"
    assert all(not cell.startswith(opendata.FORMULA_STARTS) for row in rows for cell in row.values())


def test_the_json_keeps_the_texts_as_written(tmp_path: Path) -> None:
    data = json.loads(opendata.json_bytes(consultation_of(tmp_path, HOSTILE)))
    assert [o["summary"] for o in data["opinions"]] == ['=HYPERLINK("http://example.com")', "-2", "\tタブ", "＝全角"]
    assert data["counts"] == {"submissions": None, "opinions": 5, "rows": 4, "in_scope": 4, "out_of_scope": 1, "grouped": 2}
    assert data["opinions"][1]["originals"] == ["受付1", "受付2"]
    assert data["categories"] == [{"key": "A", "label": "反映", "description": "修正したもの"}]


def test_the_prefecture_sample_json_holds_its_amendments_and_groups() -> None:
    data = json.loads(opendata.json_bytes(loader.load_file(SAMPLES["samples-prefecture"], root=ROOT).consultation))
    assert data["amendments"] and all(a["id"] and a["after"] for a in data["amendments"])
    assert data["opinions"][0]["count"] == 1650 and data["opinions"][0]["amendments"] == ["rural-bus"]
    assert {o["scope"] for o in data["opinions"]} == {"in", "out"}
    assert data["counts"]["opinions"] == sum(o["count"] for o in data["opinions"])


def write_package(directory: Path, consultation, name: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for file_name, data in opendata.files(consultation, name):
        (directory / file_name).write_bytes(data)
    return directory / opendata.PACKAGE_FILE


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_data_package_is_valid(tmp_path: Path, name: str) -> None:
    consultation = loader.load_file(SAMPLES[name], root=ROOT).consultation
    report = frictionless.validate(str(write_package(tmp_path / name, consultation, name)))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((tmp_path / name / opendata.PACKAGE_FILE).read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [opendata.CSV_FILE, opendata.CSV_PLAIN_FILE]
    resource = frictionless.Resource(
        str(tmp_path / name / opendata.CSV_PLAIN_FILE), schema=frictionless.Schema.from_descriptor(package["resources"][1]["schema"])
    )
    assert isinstance(resource, TableResource)  # what Resource() makes of a CSV file
    rows = resource.read_rows()
    assert len(rows) == consultation.row_count


def test_the_validation_catches_a_broken_file(tmp_path: Path) -> None:
    """The check above can fail: a count that is not a number, or a CSV read with the wrong BOM."""
    consultation = consultation_of(tmp_path, HOSTILE)
    descriptor = write_package(tmp_path / "p", consultation, "p")
    plain = tmp_path / "p" / opendata.CSV_PLAIN_FILE
    broken = plain.read_bytes().replace(b"\r\n4,t,", b"\r\nfour,t,")
    assert broken != plain.read_bytes()
    plain.write_bytes(broken)
    report = frictionless.validate(str(descriptor))
    assert not report.valid
    assert "type-error" in {error[0] for error in report.flatten(["type"])}


def test_directory_names_are_distinct() -> None:
    keys = ["results/index", "samples/town/index", "index", "a/b", "a-b", "A/b", "見本", "見本町"]
    names = [opendata.directory_name(key) for key in keys]
    assert names[:4] == ["results", "samples-town", "index", "a-b"]
    assert len(set(names)) == len(names)
    assert all(name.isascii() and "/" not in name for name in names)


def test_the_command_line_exports_the_same_files(tmp_path: Path) -> None:
    out_csv, out_json, plain = tmp_path / "o.csv", tmp_path / "o.json", tmp_path / "p.csv"
    path = str(SAMPLES["results"])
    assert main(["export", path, "--root", str(ROOT), "--csv", str(out_csv), "--json", str(out_json)]) == 0
    assert main(["export", path, "--root", str(ROOT), "--csv", str(plain), "--no-bom"]) == 0
    consultation = loader.load_file(SAMPLES["results"], root=ROOT).consultation
    assert out_csv.read_bytes() == opendata.csv_bytes(consultation)
    assert plain.read_bytes() == opendata.csv_bytes(consultation, bom=False)
    assert out_json.read_bytes() == opendata.json_bytes(consultation)


def test_the_command_line_refuses_data_with_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "c.yaml"
    data.write_text("title: t\nbody: {name: 市}\nperiod: {start: 2025-12-03, end: 2025-12-01}\n", encoding="utf-8")
    assert main(["export", str(data), "--csv", str(tmp_path / "o.csv")]) == 1
    assert not (tmp_path / "o.csv").exists()
    assert "fix them first" in capsys.readouterr().err
