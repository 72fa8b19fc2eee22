"""YAML and JSON read into plain values that remember their line.

We compose the YAML node graph and never let a YAML schema construct
values: every scalar stays the text the writer typed (``11:45`` is not
705, ``no`` is not False, ``2025-12-03`` is not a date object).  The
schema in :mod:`.schema` decides what a field means.  JSON is read the
same way, as YAML 1.2 is a superset of it, so its errors carry lines too.

Composing is the slowest step of a large build when done in pure Python
(about 0.7 s per 1,000 opinions), so the node graph is composed by
libyaml through PyYAML when it is there (it comes with myst-parser), ten
times faster and to the same nodes.  Text that libyaml might read
differently from YAML 1.2 (line breaks that only YAML 1.1 knows), or
cannot read at all, goes through ruamel.yaml, whose messages we report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .problems import Problem, Subtype

try:
    import yaml as _pyyaml

    _FAST_LOADER = _pyyaml.CSafeLoader if _pyyaml.__with_libyaml__ else None
except ImportError:  # pragma: no cover - PyYAML is a dependency of myst-parser
    _FAST_LOADER = None
# Line breaks in YAML 1.1 only: with these, libyaml's lines would differ.
_YAML11_BREAKS = ("\x85", "\u2028", "\u2029")

Value = str | None | list["Located"] | dict[str, "Located"]

# Aliases can make a small document expand enormously; data never needs that.
MAX_NODES = 2_000_000


@dataclass
class Located:
    """A value with the 1-based line it starts on."""

    value: Value
    line: int
    quoted: bool = False

    def text(self) -> str | None:
        return self.value if isinstance(self.value, str) else None


class DataSyntaxError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def parse_yaml(text: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML (or JSON) text; lines in the result count from 1."""
    fast = _compose_fast(text)
    if fast is not None:
        problems: list[Problem] = []
        try:
            return _convert(fast, problems, [MAX_NODES]), problems
        except DataSyntaxError as error:
            return None, [error.problem]
    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 2)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        message = f"invalid YAML: {error.problem or error.context}"
        return None, [Problem(Subtype.SYNTAX, message, line)]
    except YAMLError as error:
        return None, [Problem(Subtype.SYNTAX, f"invalid YAML: {error}", None)]
    if root is None:
        return None, []
    problems = []
    try:
        return _convert(root, problems, [MAX_NODES]), problems
    except DataSyntaxError as error:
        return None, [error.problem]


def _compose_fast(text: str) -> Any:
    """The node graph composed by libyaml; None when ruamel.yaml must read the text."""
    if _FAST_LOADER is None or any(b in text for b in _YAML11_BREAKS):
        return None
    try:
        return _pyyaml.compose(text, Loader=_FAST_LOADER)
    except Exception:
        return None


def _convert(node: Any, problems: list[Problem], budget: list[int]) -> Located:
    # A composed node of ruamel.yaml or PyYAML: both have id, tag, value, style and start_mark.
    budget[0] -= 1
    if budget[0] < 0:
        raise DataSyntaxError(Problem(Subtype.SYNTAX, "the data expands to too many values (aliases?)", node.start_mark.line + 1))
    line = node.start_mark.line + 1
    if node.id == "scalar":
        style = node.style or None  # libyaml marks plain scalars with ""
        if node.tag.endswith(":null") or (style is None and node.value in ("", "~", "null", "Null", "NULL")):
            return Located(None, line)
        return Located(str(node.value), line, quoted=style is not None)
    if node.id == "sequence":
        return Located([_convert(item, problems, budget) for item in node.value], line)
    if node.id == "mapping":
        mapping: dict[str, Located] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                problems.append(Problem(Subtype.TYPE, "a mapping key must be plain text", key_node.start_mark.line + 1))
                continue
            key = str(key_node.value)
            if key in mapping:
                problems.append(Problem(Subtype.UNKNOWN_KEY, f"key {key!r} appears twice", key_node.start_mark.line + 1))
            mapping[key] = _convert(value_node, problems, budget)
        return Located(mapping, line)
    raise DataSyntaxError(Problem(Subtype.SYNTAX, f"unsupported YAML node {type(node).__name__}", line))
