"""The JSON Schema of the data format, written from its one declaration (fields.py).

Editors check a consultation file with it as it is written (VS Code's YAML
extension reads ``# yaml-language-server: $schema=…``).  The schema accepts
what the loader accepts: the loader reads every value as text, so a text
may be written as a number or true, and a count as 1650, "1,650" or １６５０.
It is draft-07, which every editor's validator knows.

``python -m pubcomment.core.jsonschema`` prints it; the repository's copy is
``schema/pubcomment.schema.json`` (tests/unit/test_jsonschema.py keeps the two
the same) and the site publishes it as ``_static/pubcomment.schema.json``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from . import fields as f

FILE_NAME = "pubcomment.schema.json"
DRAFT = "http://json-schema.org/draft-07/schema#"

_SCALAR: dict[str, Any] = {"type": ["string", "number", "boolean"]}
_INTEGER: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": r"^\s*(?:[0-9０-９]+|[0-9０-９]{1,3}(?:,[0-9０-９]{3})+)\s*$"},
    ]
}
_DATE: dict[str, Any] = {"type": "string", "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$"}
_MONTH_OR_DAY: dict[str, Any] = {"type": "string", "pattern": r"^\s*[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?\s*$"}


def _value(field: f.Field) -> dict[str, Any]:
    """The schema of one field's value, by its kind."""
    kind = field.kind
    if kind == f.TEXT:
        return dict(_SCALAR) if field.required else {"type": ["string", "number", "boolean", "null"]}
    if kind == f.TEXTS:
        return {"anyOf": [_SCALAR, {"type": "array", "items": _SCALAR}, {"type": "null"}]}
    if kind == f.INTEGER:
        return {"anyOf": [*_INTEGER["anyOf"], {"type": "null"}]}
    if kind == f.DATE:
        return dict(_DATE)
    if kind == f.MONTH_OR_DAY:
        return dict(_MONTH_OR_DAY)
    if kind == f.CHOICE:
        # A YAML editor reads an unquoted true as a boolean; the loader as the text true.
        booleans = [value == "true" for value in field.choices if value in ("true", "false")]
        return {"enum": [*field.choices, *booleans]}
    if kind == f.CHOICES:
        choice = {"enum": list(field.choices)}
        return {"anyOf": [choice, {"type": "array", "items": choice}, {"type": "null"}]}
    if kind == f.MAPPING:
        return mapping(field.fields)
    if kind == f.LIST:
        return {"anyOf": [{"type": "array", "items": mapping(field.fields)}, {"type": "null"}]}
    if kind == f.OPINIONS:
        return {
            "anyOf": [
                {"type": "array", "items": mapping(field.fields)},
                {"type": "string", "description": "御意見のファイル（xlsx、CSV、YAML、JSON）の名前"},
                mapping(f.OPINIONS_FILE),
                {"type": "null"},
            ]
        }
    if kind == f.COLUMNS:
        return {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "null"}]}}
    if kind == f.METHODS:
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": {"anyOf": [_SCALAR, mapping(field.fields)]}}, {"type": "null"}]}
    if kind == f.TEXT_FORMAT:
        choice = {"enum": list(field.choices)}
        return {
            "anyOf": [choice, {"type": "object", "properties": dict.fromkeys(f.TEXT_FORMAT_FIELDS, choice), "additionalProperties": False}]
        }
    if kind == f.LABELS:
        return {"type": "object", "properties": {key: dict(_SCALAR) for key in field.choices}, "additionalProperties": False}
    raise ValueError(f"no JSON Schema for the kind {kind!r}")


def mapping(fields: dict[str, f.Field]) -> dict[str, Any]:
    """A mapping of exactly these keys (an unknown key is a typo), the required ones required."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: {"description": field.doc, **_value(field)} for name, field in fields.items()},
        "additionalProperties": False,
    }
    required = [name for name, field in fields.items() if field.required]
    if required:
        schema["required"] = required
    return schema


def json_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "title": "pubcomment: パブリックコメントの実施結果のデータ",
        "description": "pc-consultation の :file: に書く意見募集のデータ（README「データの形式」）",
        **mapping(f.TOP),
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
