"""YAML and JSON read into plain values that remember their line.

We compose the YAML node graph and never let a YAML schema construct
values: every scalar stays the text the writer typed (``11:45`` is not
705, ``no`` is not False, ``2025-12-03`` is not a date object).  The
schema in :mod:`.schema` decides what a field means.  JSON is read the
same way, as YAML 1.2 is a superset of it, so its errors carry lines too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem, Subtype

Value = Union[str, None, list["Located"], dict[str, "Located"]]

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
    problems: list[Problem] = []
    try:
        return _convert(root, problems, [MAX_NODES]), problems
    except DataSyntaxError as error:
        return None, [error.problem]


def _convert(node: Node, problems: list[Problem], budget: list[int]) -> Located:
    budget[0] -= 1
    if budget[0] < 0:
        raise DataSyntaxError(Problem(Subtype.SYNTAX, "the data expands to too many values (aliases?)", node.start_mark.line + 1))
    line = node.start_mark.line + 1
    if isinstance(node, ScalarNode):
        if node.tag.endswith(":null") or (node.style is None and node.value in ("", "~", "null", "Null", "NULL")):
            return Located(None, line)
        return Located(str(node.value), line, quoted=node.style is not None)
    if isinstance(node, SequenceNode):
        return Located([_convert(item, problems, budget) for item in node.value], line)
    if isinstance(node, MappingNode):
        mapping: dict[str, Located] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                problems.append(Problem(Subtype.TYPE, "a mapping key must be plain text", key_node.start_mark.line + 1))
                continue
            key = str(key_node.value)
            if key in mapping:
                problems.append(Problem(Subtype.UNKNOWN_KEY, f"key {key!r} appears twice", key_node.start_mark.line + 1))
            mapping[key] = _convert(value_node, problems, budget)
        return Located(mapping, line)
    raise DataSyntaxError(Problem(Subtype.SYNTAX, f"unsupported YAML node {type(node).__name__}", line))
