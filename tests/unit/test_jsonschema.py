"""The JSON Schema of the data format: made from fields.py, the same as the repository's copy,
and it accepts what the loader accepts and refuses a typo."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from pubcomment.core import fields, loader, schema
from pubcomment.core.jsonschema import FILE_NAME, json_schema, schema_text
from pubcomment.core.located import Located, parse_yaml

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = [ROOT / "source/results/data/consultation.yaml", ROOT / "source/samples/prefecture/data/consultation.yaml"]


class Yaml12Loader(yaml.SafeLoader):
    """What an editor's YAML 1.2 core schema reads: true/false, numbers and null; no dates, no 'no' as false."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0"),
):
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def as_editor_reads(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)


def as_loader_reads(text: str) -> Any:
    """The values the loader reads: every scalar as text."""

    def plain(node: Located | None) -> Any:
        if node is None:
            return None
        if isinstance(node.value, dict):
            return {key: plain(value) for key, value in node.value.items()}
        if isinstance(node.value, list):
            return [plain(item) for item in node.value]
        return node.value

    root, problems = parse_yaml(text)
    assert not problems
    return plain(root)


VALIDATOR = jsonschema.Draft7Validator(json_schema())


def errors(data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_is_valid_draft_07_and_the_repository_copy_is_current() -> None:
    jsonschema.Draft7Validator.check_schema(json_schema())
    copy = ROOT / "schema" / FILE_NAME
    assert copy.read_text(encoding="utf-8") == schema_text(), "run: python -m pubcomment.core.jsonschema > schema/pubcomment.schema.json"


def test_the_key_sets_of_the_reader_are_the_declared_ones() -> None:
    assert schema.TOP_KEYS == set(json_schema()["properties"]) == set(fields.TOP)
    opinion = json_schema()["properties"]["opinions"]["anyOf"][0]["items"]
    assert set(opinion["properties"]) == schema.OPINION_KEYS


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.parent.parent.name)
@pytest.mark.parametrize("read", [as_editor_reads, as_loader_reads])
def test_the_sample_data_validates(path: Path, read: Any) -> None:
    assert not loader.load_file(path, root=ROOT).problems
    assert errors(read(path.read_text(encoding="utf-8"))) == []


def test_the_sample_data_names_the_schema() -> None:
    for path in SAMPLES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert (path.parent / first.split("=", 1)[1]).resolve() == (ROOT / "schema" / FILE_NAME).resolve()


MINIMAL = "title: t\nbody: {name: 見本市}\nperiod: {start: 2025-06-02, end: 2025-07-01}\n"


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ("titel: typo\n", "unknown top key"),
        ("opinions:\n  - {summary: s, response: r, categry: A}\n", "unknown opinion key"),
        ("categories:\n  - {key: A, descripton: d}\n", "typo in a category"),
        ("labels: {respons: 考え}\n", "unknown label"),
        ("style: {weekday: longer}\n", "unknown style value"),
        ("opinions:\n  - {summary: s, response: r, count: 一つ}\n", "count not a number"),
        ("opinions:\n  - {summary: s, response: r, scope: maybe}\n", "unknown scope"),
        ("schedule:\n  - {when: 来年, text: 公表}\n", "not a month"),
    ],
)
def test_a_typo_fails_as_the_loader_reports_it(tmp_path: Path, extra: str, where: str) -> None:
    text = MINIMAL + extra
    assert errors(as_editor_reads(text)) and errors(as_loader_reads(text)), where
    data = tmp_path / "c.yaml"
    data.write_text(text, encoding="utf-8")
    assert loader.load_file(data, root=tmp_path).problems, where


@pytest.mark.parametrize(
    "extra",
    [
        "declared: {submissions: 1,650, opinions: '1,650'}\n".replace("1,650,", "'1,650',"),
        "declared: {submissions: １６５０}\n",
        "plan: 2025\n",
        "style: {omit_repeated: true, weekday: none}\n",
        "opinions: data/opinions.csv\n",
        "text_format: {summary: plain, response: markdown}\n",
        "submission_methods: [電子メール, {method: 郵送, count: 3}]\n",
        "opinions:\n  - {no: 1, summary: 2, response: true, scope: 本案件外, originals: 受付1}\n",
    ],
)
def test_what_the_loader_accepts_validates(extra: str) -> None:
    text = MINIMAL + extra
    assert errors(as_editor_reads(text)) == []
    assert errors(as_loader_reads(text)) == []


def test_the_published_schema_is_json() -> None:
    assert json.loads(schema_text())["properties"]["body"]["required"] == ["name"]
