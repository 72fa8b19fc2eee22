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
from ruamel.yaml.reader import ReaderError

from .problems import Problem, Subtype
from .sanitize import describe, visible

try:
    import yaml as _pyyaml

    _FAST_LOADER = _pyyaml.CSafeLoader if _pyyaml.__with_libyaml__ else None
except ImportError:  # pragma: no cover - PyYAML is a dependency of myst-parser
    _FAST_LOADER = None
# Line breaks in YAML 1.1 only: with these, libyaml's lines would differ.
_YAML11_BREAKS = ("\x85", "\u2028", "\u2029")

Value = str | None | list["Located"] | dict[str, "Located"]

# Limits (documented in the README).  Consultation data is at most four
# levels deep; 100,000 opinions of a dozen fields are two million values.
MAX_DEPTH = 64
MAX_NODES = 5_000_000
# Aliases can make a small document expand enormously (a "billion laughs"):
# past this many values, the data may be at most this many times what is written.
ALIAS_FREE_UP_TO = 100_000
MAX_ALIAS_FACTOR = 10
# The output budget: what a document publishes grows with the text of its values, and
# aliases can repeat a long text (147 KB of aliases published 346 MB).  The text of all
# values, aliases expanded, may be at most this many times the characters of the document,
# or this many characters when that is more.  Without aliases the values are part of the
# document (at most 1×: the sample data and test roots 0.2–0.95×, bench/generate.py's 0.87×).
MAX_TEXT_FACTOR = 10
TEXT_FREE_UP_TO = 4_000_000


class CellLine(int):
    """The line of a value read from a workbook: its row, naming its cell too.

    A sheet has no lines, only cells (``意見一覧!C12``).  The row number is
    the line, so whatever compares, sorts or counts lines works unchanged,
    and the cell goes along wherever the line goes (into a
    :class:`~.problems.Problem`, an opinion's ``line``); it prints as the
    cell, so a warning placed at ``f"{origin}:{line}"`` reads
    ``opinions.xlsx:意見一覧!C12``.  Arithmetic on it gives a plain int.
    """

    cell: str

    def __new__(cls, row: int, cell: str) -> CellLine:
        line = super().__new__(cls, row)
        line.cell = cell
        return line

    def __str__(self) -> str:
        return self.cell

    def __format__(self, spec: str) -> str:
        return self.cell if not spec else int(self).__format__(spec)

    def __repr__(self) -> str:
        return f"CellLine({int(self)}, {self.cell!r})"

    def __reduce__(self) -> tuple[type[CellLine], tuple[int, str]]:
        return CellLine, (int(self), self.cell)


@dataclass
class Located:
    """A value with the 1-based line it starts on (a :class:`CellLine` for a sheet's cell)."""

    value: Value
    line: int
    quoted: bool = False

    def text(self) -> str | None:
        return self.value if isinstance(self.value, str) else None


class DataSyntaxError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def text_budget(written: int) -> int:
    """The characters the values of a document of ``written`` characters may hold, aliases expanded."""
    return max(MAX_TEXT_FACTOR * written, TEXT_FREE_UP_TO)


def parse_yaml(text: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML (or JSON) text; lines in the result count from 1."""
    budget = text_budget(len(text))
    fast, limit = _compose_fast(text)
    if limit is not None:
        return None, [limit]
    if fast is not None:
        return _converted(fast, budget)
    yaml = YAML(typ="rt", pure=True)
    yaml.version = (1, 2)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        message = f"invalid YAML: {error.problem or error.context}"
        return None, [Problem(Subtype.SYNTAX, message, line)]
    except ReaderError as error:  # a character YAML does not allow: at its own line
        return None, [_unacceptable(text, error)]
    except YAMLError as error:
        return None, [Problem(Subtype.SYNTAX, f"invalid YAML: {error}", 1)]
    except RecursionError:
        return None, [Problem(Subtype.LIMIT, f"the data is nested more than {MAX_DEPTH} levels deep", 1)]
    if root is None:
        return None, []
    return _converted(root, budget)


def _unacceptable(text: str, error: ReaderError) -> Problem:
    """The reader's error as a problem at the line of the character (YAML 1.2 breaks: LF, CR LF, CR)."""
    position = error.position if isinstance(error.position, int) and 0 <= error.position <= len(text) else 0
    before = text[:position]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    if isinstance(error.character, int):
        return Problem(Subtype.SYNTAX, f"invalid YAML: U+{error.character:04X} is a character YAML does not allow; remove it", line)
    return Problem(Subtype.SYNTAX, f"invalid YAML: {error.reason}", line)


def _compose_fast(text: str) -> tuple[Any, Problem | None]:
    """The node graph composed by libyaml (None when ruamel.yaml must read the
    text), or the problem when the text is beyond libyaml's nesting limit."""
    if _FAST_LOADER is None or any(b in text for b in _YAML11_BREAKS):
        return None, None
    try:
        return _pyyaml.compose(text, Loader=_FAST_LOADER), None
    except _pyyaml.MarkedYAMLError as error:
        if "nesting depth" in str(error.problem or ""):
            line = error.problem_mark.line + 1 if error.problem_mark else 1
            return None, Problem(Subtype.LIMIT, f"the data is nested more than {MAX_DEPTH} levels deep", line)
        return None, None
    except Exception:
        return None, None


def _converted(root: Any, budget: int) -> tuple[Located | None, list[Problem]]:
    converter = _Converter(budget)
    try:
        return converter.convert(root, 0), converter.problems
    except DataSyntaxError as error:
        return None, [error.problem]


class _Converter:
    """Composed nodes (ruamel.yaml's or PyYAML's: both have id, tag, value,
    style and start_mark) to :class:`Located` values, within the limits:
    nesting, aliases that refer to themselves, and aliases that expand the
    data (each use of an alias is a copy of its value), in values and in text
    (the output budget, :func:`text_budget`)."""

    def __init__(self, budget: int) -> None:
        self.problems: list[Problem] = []
        self.budget = budget
        self.chars = 0
        self.values = 0
        self.distinct: set[int] = set()
        self.open: set[int] = set()  # the nodes being converted, outermost to here

    def convert(self, node: Any, depth: int) -> Located:
        line = node.start_mark.line + 1
        self.values += 1
        repeated = id(node) in self.distinct  # an alias's copy of a value converted before
        self.distinct.add(id(node))
        if depth > MAX_DEPTH:
            raise DataSyntaxError(Problem(Subtype.LIMIT, f"the data is nested more than {MAX_DEPTH} levels deep", line))
        if self.values > MAX_NODES or (self.values > ALIAS_FREE_UP_TO and self.values > MAX_ALIAS_FACTOR * len(self.distinct)):
            raise DataSyntaxError(
                Problem(
                    Subtype.LIMIT,
                    f"aliases expand the data to more than {min(self.values, MAX_NODES):,} values "
                    f"({MAX_ALIAS_FACTOR}× what is written): write the values out, or use fewer aliases",
                    line,
                )
            )
        if node.id == "scalar":
            style = node.style or None  # libyaml marks plain scalars with ""
            if node.tag.endswith(":null") or (style is None and node.value in ("", "~", "null", "Null", "NULL")):
                return Located(None, line)
            self.chars += len(node.value)
            if self.chars > self.budget:
                raise DataSyntaxError(
                    Problem(
                        Subtype.LIMIT,
                        f"the text of the data, aliases expanded, passes {self.budget:,} characters "
                        f"(the output budget: {MAX_TEXT_FACTOR}× what is written, at least {TEXT_FREE_UP_TO:,})"
                        + (": the value here is repeated by aliases; write fewer aliases of long texts" if repeated else ""),
                        line,
                    )
                )
            text, found = visible(str(node.value))
            if found:
                self.problems.append(Problem(Subtype.TEXT, f"the text holds {describe(found)}, shown as ［U+XXXX］", line))
            return Located(text, line, quoted=style is not None)
        if id(node) in self.open:
            raise DataSyntaxError(Problem(Subtype.LIMIT, "an alias refers to a value that holds it (a recursive alias)", line))
        self.open.add(id(node))
        try:
            if node.id == "sequence":
                return Located([self.convert(item, depth + 1) for item in node.value], line)
            if node.id == "mapping":
                return Located(self._mapping(node, depth), line)
        finally:
            self.open.discard(id(node))
        raise DataSyntaxError(Problem(Subtype.SYNTAX, f"unsupported YAML node {type(node).__name__}", line))

    def _mapping(self, node: Any, depth: int) -> dict[str, Located]:
        mapping: dict[str, Located] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                self.problems.append(Problem(Subtype.TYPE, "a mapping key must be plain text", key_node.start_mark.line + 1))
                continue
            key = str(key_node.value)
            if key in mapping:
                self.problems.append(Problem(Subtype.UNKNOWN_KEY, f"key {key!r} appears twice", key_node.start_mark.line + 1))
            mapping[key] = self.convert(value_node, depth + 1)
        return mapping
