"""Turn located raw data into a :class:`~.model.Consultation`.

The reader is forgiving in what it builds (a missing field becomes empty
text so rendering can go on) and strict in what it reports: every
surprise becomes one :class:`~.problems.Problem` with the line it was
found on.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import fields as fields_
from . import opinion_fields, published, reuse
from .csvdata import FIELDS
from .formats import is_binary, parse_by_suffix
from .kinds import TEXT, TEXTS
from .labels import DEFAULT_LABELS
from .law import kind_of
from .located import CellLine, Located
from .model import ROWS_CHOICES, TEXT_FIELDS, TEXT_FORMATS, Amendment, Category, Consultation, Opinion, Redaction, ScheduleItem, Topic
from .numbers import digit_style, parse_count
from .opinion_fields import SCANNED
from .problems import Problem, Subtype
from .redaction import MARKER, Listed, Redactor, split_reason
from .textfiles import DataFileError
from .textfold import SHOWN, skeleton
from .wareki import ERAS, PeriodStyle

# Reads a file named inside the data: returns its text (its bytes for a
# workbook, see formats.is_binary) and a display name.
FileReader = Callable[[str], tuple[str | bytes, str]]

# The keys of each mapping, from the one declaration of the format (fields.py).
TOP_KEYS = fields_.keys(fields_.TOP)
BODY_KEYS = fields_.keys(fields_.BODY)
PERIOD_KEYS = fields_.keys(fields_.PERIOD)
DECLARED_KEYS = fields_.keys(fields_.DECLARED)
CATEGORY_KEYS = fields_.keys(fields_.CATEGORY)
TOPIC_KEYS = fields_.keys(fields_.TOPIC)
OPINION_KEYS = fields_.keys(fields_.OPINION)
METHOD_KEYS = fields_.keys(fields_.METHOD)
STYLE_KEYS = fields_.keys(fields_.STYLE)
SCOPES = fields_.SCOPES
AMENDMENT_KEYS = fields_.keys(fields_.AMENDMENT)
SCHEDULE_KEYS = fields_.keys(fields_.SCHEDULE)
REDACTION_KEYS = fields_.keys(fields_.REDACTION)
# The fields of an opinion read as text or a list of texts (the others each by a function of its own).
_TEXTS_READ = tuple(f for f in opinion_fields.FIELDS if f.kind in (TEXT, TEXTS))
# ``opinions: {file: opinions.xlsx, sheet: 意見一覧, columns: {受付番号: submission}}``
OPINIONS_FILE_KEYS = fields_.keys(fields_.OPINIONS_FILE)

# Limits (documented in the README): a number of more digits is a typo,
# and 和暦 dates can be written from the first day of the era table on.
MAX_NUMBER_DIGITS = 9
FIRST_DAY = ERAS[-1].start
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

NOTE_MARKER = re.compile(r"[(（]※[)）]")
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass
class Reader:
    """Collects problems while reading one consultation."""

    origin: str | None
    read_file: FileReader | None = None
    problems: list[Problem] = field(default_factory=list)
    # The mark withheld text is replaced by (the ``redacted`` label), and what was withheld.
    redaction_mark: str = DEFAULT_LABELS["redacted"]
    redactions: list[Redaction] = field(default_factory=list)
    # Every opinion's ``redactions:`` items: withheld from the consultation's own texts too.
    listed: list[Listed] = field(default_factory=list)

    def report(self, subtype: Subtype, message: str, line: int | None, origin: str | None = None) -> None:
        self.problems.append(Problem(subtype, message, line, origin or self.origin))

    def mapping(self, node: Located | None, keys: set[str], what: str) -> dict[str, Located]:
        if node is None or node.value is None:
            return {}
        if not isinstance(node.value, dict):
            self.report(Subtype.TYPE, f"{what} must be a mapping of keys to values", node.line)
            return {}
        for key, value in node.value.items():
            if key not in keys:
                hint = difflib.get_close_matches(key, sorted(keys), n=1)
                suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; known keys: {', '.join(sorted(keys))}"
                if _SPLIT_NUMBER.match(key) and key.isdigit():  # {count: 1,650} in a flow mapping
                    suggestion = "; it looks like the digits after the comma of a number: write 1650, or quote '1,650'"
                self.report(Subtype.UNKNOWN_KEY, f"unknown key {key!r} in {what}{suggestion}", value.line)
        return node.value

    def sequence(self, node: Located | None, what: str) -> list[Located]:
        if node is None or node.value is None:
            return []
        if not isinstance(node.value, list):
            self.report(Subtype.TYPE, f"{what} must be a list", node.line)
            return []
        return node.value

    def text(self, fields: dict[str, Located], key: str, what: str, *, required: bool, line: int | None) -> str:
        node = fields.get(key)
        if node is None or node.value is None or (isinstance(node.value, str) and not node.value.strip()):
            if required:
                self.report(Subtype.REQUIRED, f"{what} needs a non-empty {key!r}", node.line if node else line)
            return ""
        if not isinstance(node.value, str):
            self.report(Subtype.TYPE, f"{key!r} of {what} must be text", node.line)
            return ""
        return node.value.strip("\n")

    def texts(self, fields: dict[str, Located], key: str, what: str) -> list[str]:
        node = fields.get(key)
        if node is None or node.value is None:
            return []
        if isinstance(node.value, str):
            return [node.value.strip()]
        result = []
        for item in self.sequence(node, f"{key!r} of {what}"):
            if isinstance(item.value, str) and item.value.strip():
                result.append(item.value.strip())
            else:
                self.report(Subtype.TYPE, f"each item of {key!r} in {what} must be non-empty text", item.line)
        return result

    def integer(self, fields: dict[str, Located], key: str, what: str) -> int | None:
        node = fields.get(key)
        if node is None or node.value is None:
            return None
        text = node.value.strip().translate(_FULL_WIDTH_DIGITS) if isinstance(node.value, str) else ""
        digits = text.replace(",", "")
        # Only 0-9 (and their full-width forms): ① and ² are digits to
        # str.isdigit() but no number int() reads.
        if digits.isascii() and digits.isdigit() and len(digits.lstrip("0")) > MAX_NUMBER_DIGITS:
            self.report(Subtype.LIMIT, f"{key!r} of {what} has more than {MAX_NUMBER_DIGITS} digits: {text[:20]}…", node.line)
            return None
        if digits.isascii() and digits.isdigit() and (digits == "0" or not digits.startswith("0") or "," not in text):
            try:
                return parse_count(text) if "," in text else int(digits)
            except ValueError as error:
                self.report(Subtype.TYPE, f"{key!r} of {what}: {error}", node.line)
                return None
        self.report(Subtype.TYPE, f"{key!r} of {what} must be a whole number (0-9, as 1764 or 1,764), not {node.value!r}", node.line)
        return None

    def date(self, fields: dict[str, Located], key: str, what: str, *, line: int | None) -> dt.date | None:
        node = fields.get(key)
        if node is None or node.value is None:
            self.report(Subtype.REQUIRED, f"{what} needs {key!r} (YYYY-MM-DD)", line)
            return None
        value = node.value if isinstance(node.value, str) else ""
        match = ISO_DAY.match(value.strip())
        try:
            if match:
                day = dt.date(*map(int, match.groups()))
                if day >= FIRST_DAY:
                    return day
                self.report(
                    Subtype.DATE,
                    f"{key!r} of {what} is before {FIRST_DAY}, which 和暦 dates cannot be written for: {value.strip()!r}",
                    node.line,
                )
                return None
        except ValueError:
            pass
        self.report(Subtype.DATE, f"{key!r} of {what} is not a date (YYYY-MM-DD): {node.value!r}", node.line)
        return None


def read_consultation(
    root: Located | None, *, origin: str | None = None, read_file: FileReader | None = None, labels: dict[str, str] | None = None
) -> tuple[Consultation, list[Problem]]:
    """Build the consultation and list everything wrong with the data.

    ``labels`` are the site's (``pubcomment_labels``); the data's own win.
    Withheld text is replaced as the opinions are read (core/redaction.py)."""
    reader = Reader(origin, read_file)
    top = reader.mapping(root, TOP_KEYS, "the consultation")
    own_labels = _labels(reader, top.get("labels"))
    reader.redaction_mark = {**DEFAULT_LABELS, **(labels or {}), **own_labels}["redacted"]
    top_line = root.line if root else 1
    body = reader.mapping(top.get("body"), BODY_KEYS, "'body'")
    period_node = top.get("period")
    period = reader.mapping(period_node, PERIOD_KEYS, "'period'")
    period_line = period_node.line if period_node else top_line
    declared = reader.mapping(top.get("declared"), DECLARED_KEYS, "'declared'")
    methods = _methods(reader, top.get("submission_methods"))
    consultation = Consultation(
        title=reader.text(top, "title", "the consultation", required=True, line=top_line),
        body_name=reader.text(body, "name", "'body'", required=True, line=top.get("body", root).line if root else None),
        self_reference=reader.text(body, "self", "'body'", required=False, line=None) or "本市",
        plan=reader.text(top, "plan", "the consultation", required=False, line=None),
        start=reader.date(period, "start", "'period'", line=period_line),
        end=reader.date(period, "end", "'period'", line=period_line),
        published=reader.date(top, "published", "the consultation", line=top_line) if "published" in top else None,
        body_kind=kind_of(_choice(reader, body.get("kind"), fields_.BODY_KINDS, "'kind' of 'body'")),
        submission_methods=[name for name, _count in methods],
        method_counts={name: count for name, count in methods if count is not None},
        publicity=reader.texts(top, "publicity", "the consultation"),
        declared_submissions=reader.integer(declared, "submissions", "'declared'"),
        declared_opinions=reader.integer(declared, "opinions", "'declared'"),
        declared_in_scope=reader.integer(declared, "in_scope", "'declared'"),
        declared_out_of_scope=reader.integer(declared, "out_of_scope", "'declared'"),
        declared_rows=_choice(reader, declared.get("rows"), ROWS_CHOICES, "'rows' of 'declared'"),
        categories=[_category(reader, node) for node in reader.sequence(top.get("categories"), "'categories'")],
        topics=[_topic(reader, node) for node in reader.sequence(top.get("topics"), "'topics'")],
        opinions=_opinions(reader, top.get("opinions")),
        amendments=[_amendment(reader, node) for node in reader.sequence(top.get("amendments"), "'amendments'")],
        no_amendments=says_none(top.get("amendments")),
        schedule=[_schedule(reader, node) for node in reader.sequence(top.get("schedule"), "'schedule'")],
        text_format=_text_format(reader, top.get("text_format")),
        labels=own_labels,
        style=_style(reader, top.get("style")),
        status=_choice(reader, top.get("status"), fields_.STATUS_CHOICES, "'status'"),
        results_published=reader.date(top, "published_results", "the consultation", line=top_line) if "published_results" in top else None,
        redactions=reader.redactions,
        publish=_publish(reader, top.get("publish")),
        origin=origin,
    )
    _redact_consultation(reader, consultation, {key: node.line for key, node in top.items()})
    if consultation.start and consultation.end and consultation.end < consultation.start:
        reader.report(Subtype.DATE, f"the period ends ({consultation.end}) before it starts ({consultation.start})", period_line)
    check_consultation(consultation, reader, declared)
    return consultation, reader.problems


def says_none(node: Located | None) -> bool:
    """Whether a list is given and empty (``amendments: []``): "there are none", not "not said"."""
    return node is not None and isinstance(node.value, list) and not node.value


def _text_format(reader: Reader, node: Located | None) -> dict[str, str]:
    """``text_format: markdown`` for every text field, or ``{summary: plain, response: markdown}``."""
    formats: dict[str, str] = {}
    if node is None or node.value is None:
        return formats
    given = dict.fromkeys(TEXT_FIELDS, node) if isinstance(node.value, str) else reader.mapping(node, set(TEXT_FIELDS), "'text_format'")
    for text_field, value in given.items():
        if text_field not in TEXT_FIELDS:
            continue  # reported by mapping()
        if value.value in TEXT_FORMATS:
            formats[text_field] = str(value.value)
        else:
            hint = difflib.get_close_matches(str(value.value), TEXT_FORMATS, n=1)
            reader.report(
                Subtype.TYPE,
                f"'text_format' of {text_field!r} must be {' or '.join(TEXT_FORMATS)}, not {value.value!r}"
                + (f"; did you mean {hint[0]!r}?" if hint else ""),
                value.line,
            )
    return formats


def _publish(reader: Reader, node: Located | None) -> list[str]:
    """``publish: [submission]``: the fields in no output by default that the open data is to have."""
    named: list[str] = []
    items = [node] if node is not None and isinstance(node.value, str) else reader.sequence(node, "'publish'")
    for item in items:
        value = _choice(reader, item, opinion_fields.ON_REQUEST_FIELDS, "each item of 'publish'")
        if value and value not in named:
            named.append(value)
    return named


def _choice(reader: Reader, node: Located | None, choices: tuple[str, ...], what: str) -> str:
    if node is None or node.value is None:
        return ""
    value = node.value.strip() if isinstance(node.value, str) else ""
    if value in choices:
        return value
    hint = difflib.get_close_matches(value, choices, n=1)
    reader.report(
        Subtype.TYPE,
        f"{what} must be one of {', '.join(choices)}, not {node.value!r}" + (f"; did you mean {hint[0]!r}?" if hint else ""),
        node.line,
    )
    return ""


def _category(reader: Reader, node: Located) -> Category:
    fields = reader.mapping(node, CATEGORY_KEYS, "a category")
    return Category(
        key=reader.text(fields, "key", "a category", required=True, line=node.line),
        description=reader.text(fields, "description", "a category", required=True, line=node.line),
        label=reader.text(fields, "label", "a category", required=False, line=None),
        line=node.line,
    )


def _topic(reader: Reader, node: Located) -> Topic:
    fields = reader.mapping(node, TOPIC_KEYS, "a topic")
    title = reader.text(fields, "title", "a topic", required=True, line=node.line)
    return Topic(id=reader.text(fields, "id", "a topic", required=False, line=None) or title, title=title, line=node.line)


def _opinions(reader: Reader, node: Located | None) -> list[Opinion]:
    if node is not None and isinstance(node.value, str):
        return _opinions_from_file(reader, node, str(node.value).strip())
    if node is not None and isinstance(node.value, dict):
        fields = reader.mapping(node, OPINIONS_FILE_KEYS, "'opinions'")
        name = reader.text(fields, "file", "'opinions'", required=True, line=node.line)
        if not name:
            return []
        sheet = reader.text(fields, "sheet", "'opinions'", required=False, line=None) or None
        if sheet is not None and not is_binary(name):
            reader.report(
                Subtype.TYPE, f"'sheet' is for a workbook (.xlsx, .xlsm, .ods), not {name!r}; it is ignored", fields["sheet"].line
            )
        columns = _columns(reader, fields.get("columns"), name)
        return _opinions_from_file(reader, node, name, sheet, columns)
    return _opinion_list(reader, reader.sequence(node, "'opinions'"))


def _columns(reader: Reader, node: Located | None, name: str) -> dict[str, str | None] | None:
    """``columns: {受付番号: submission, 氏名: null}``: the file's own column titles, each a field or not read."""
    if node is None or node.value is None:
        return None
    if name.lower().endswith((".yaml", ".yml", ".json")):
        reader.report(Subtype.TYPE, f"'columns' is for a table (CSV or a workbook), not {name!r}; it is ignored", node.line)
        return None
    if not isinstance(node.value, dict):
        reader.report(Subtype.TYPE, "'columns' must map the file's column titles to fields ({受付番号: submission})", node.line)
        return None
    columns: dict[str, str | None] = {}
    for title, target in node.value.items():
        text = target.text()
        field_name = text.strip() if text else None
        if target.value is not None and field_name not in FIELDS:
            hint = difflib.get_close_matches(str(target.value), sorted(FIELDS), n=1)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; fields: {', '.join(sorted(FIELDS))}"
            reader.report(
                Subtype.TYPE, f"column {title!r} is mapped to {target.value!r}, which is no field of an opinion{suggestion}", target.line
            )
            continue
        columns[title] = field_name
    return columns


def _opinions_from_file(
    reader: Reader, node: Located, name: str, sheet: str | None = None, columns: dict[str, str | None] | None = None
) -> list[Opinion]:
    if reader.read_file is None:
        reader.report(Subtype.FILE, f"cannot read {name!r}: no file access here", node.line)
        return []
    try:
        text, display = reader.read_file(name)
    except DataFileError as error:
        if error.path and error.problem.line is not None:  # inside the file: at its line there
            reader.report(error.problem.subtype, error.problem.message, error.problem.line, error.path)
        else:  # the file as a whole: where it is named
            reader.report(error.problem.subtype, f"opinions file {name!r}: {error.problem.message}", node.line)
        return []
    rows, problems = parse_by_suffix(name, text, sheet=sheet, columns=columns, source=display)
    for problem in problems:
        if problem.line is None:  # the file as a whole (a damaged workbook, no such sheet): where it is named
            reader.report(problem.subtype, f"opinions file {name!r}: {problem.message}", node.line)
        else:
            reader.problems.append(Problem(problem.subtype, problem.message, problem.line, display))
    if rows is None:
        return []
    saved = reader.origin
    reader.origin = display
    try:
        return _opinion_list(reader, reader.sequence(rows, "the opinions file"))
    finally:
        reader.origin = saved


def _opinion_list(reader: Reader, nodes: list[Located]) -> list[Opinion]:
    read_before = reuse.memo("opinions", reader.origin)
    # With reuse on, the same row object (core/csvdata.py) holds the same cells: the opinion read from it then stands.
    return [
        reuse.kept_or_made(
            read_before,
            (reuse.Same(node), position, reader.origin, reader.redaction_mark),
            _opinion,
            reader,
            node,
            position,
            logs=(reader.problems, reader.redactions, reader.listed),
        )
        for position, node in enumerate(nodes, start=1)
    ]


def _opinion(reader: Reader, node: Located, position: int) -> Opinion:
    """The opinion of one item of the list (a YAML mapping, a row of a table), at its ``position`` from 1."""
    fields = reader.mapping(node, OPINION_KEYS, "an opinion")
    given = reader.integer(fields, "no", "an opinion")
    number = given if given is not None else position
    what = f"opinion {number}"
    opinion = Opinion(number=number, summary="", response="", line=node.line)
    for declared in _TEXTS_READ:
        if declared.kind == TEXT:
            setattr(opinion, declared.key, reader.text(fields, declared.key, what, required=declared.required, line=node.line))
        else:
            setattr(opinion, declared.key, reader.texts(fields, declared.key, what))
    opinion.numbered = given is not None
    opinion.origin = reader.origin
    opinion.count = _count(reader, fields, what, len(opinion.originals), node.line)
    opinion.in_scope = _scope(reader, fields, what)
    if isinstance(node.line, CellLine):  # a sheet's row: each field is a cell of its own
        opinion.places = {key: value.line for key, value in fields.items()}
    else:  # a YAML field on a line of its own is reported there (a CSV row's fields share its line)
        opinion.places = {key: value.line for key, value in fields.items() if value.line != node.line}
    _redact(reader, opinion, _listed_redactions(reader, fields.get("redactions"), what))
    return opinion


def _listed_redactions(reader: Reader, node: Located | None, what: str) -> list[Listed]:
    """``redactions:``: ``{text: …, reason: …}`` items, or text (one ``text <reason>`` a line, as in a CSV cell)."""
    if node is None or node.value is None:
        return []
    if isinstance(node.value, str):
        return [Listed(*split_reason(line), node.line) for line in node.value.splitlines() if line.strip()]
    listed = []
    for item in reader.sequence(node, f"'redactions' of {what}"):
        if isinstance(item.value, str) and item.value.strip():
            listed.append(Listed(*split_reason(item.value), item.line))
            continue
        fields = reader.mapping(item, REDACTION_KEYS, f"a redaction of {what}")
        text = reader.text(fields, "text", f"a redaction of {what}", required=True, line=item.line)
        if text:
            listed.append(Listed(text, reader.text(fields, "reason", f"a redaction of {what}", required=False, line=None), item.line))
    return listed


def _redact(reader: Reader, opinion: Opinion, listed: list[Listed]) -> None:
    """Withhold what the opinion's texts mark (inline) or its list names; record each span."""
    texts = [(name, getattr(opinion, name)) for name in SCANNED]
    if not listed and not any(MARKER in text for _name, value in texts for text in _each(value)):
        return
    reader.listed.extend(listed)
    where = reader.origin

    def report(message: str, line: int | None) -> None:
        reader.report(Subtype.PRIVACY, message, line, where)

    redactor = Redactor(reader.redaction_mark, opinion.number, where, opinion.line, listed, report, reader.redactions)
    for name, value in texts:  # the texts core/opinion_fields.py says may hold what is withheld
        line = opinion.place(name)
        setattr(
            opinion,
            name,
            [redactor.apply(name, text, line) for text in value] if isinstance(value, list) else redactor.apply(name, value, line),
        )
    redactor.check_used()


def _redact_consultation(reader: Reader, consultation: Consultation, lines: dict[str, int]) -> None:
    """Withhold what the consultation's own published texts mark, and what any opinion's list names, from them."""
    consultation.places = {key: line for key, line in lines.items() if line is not None}
    texts = published.consultation_texts(consultation)
    if not reader.listed and not any(MARKER in text for _what, text, _line, _put in texts):
        return
    listed = list({item.text: item for item in reader.listed}.values())

    def report(message: str, line: int | None) -> None:
        reader.report(Subtype.PRIVACY, message, line)

    redactor = Redactor(reader.redaction_mark, 0, reader.origin, None, listed, report, reader.redactions, whose="the consultation")
    titles = [topic.title for topic in consultation.topics]
    for what, text, line, put in texts:
        withheld = redactor.apply(what, text, line)
        if withheld != text:
            put(withheld)
    for topic, title in zip(consultation.topics, titles, strict=True):
        if topic.id == title:  # an id taken from the title: the title as withheld
            topic.id = topic.title


def _each(value: str | list[str]) -> list[str]:
    """The texts of a text field, or of a list field."""
    return value if isinstance(value, list) else [value]


def _count(reader: Reader, fields: dict[str, Located], what: str, originals: int, line: int) -> int:
    """How many submitted opinions a row stands for: ``count``, else its ``originals``, else 1."""
    count = reader.integer(fields, "count", what)
    if count is None:
        return originals or 1
    if count < 1:
        reader.report(Subtype.TYPE, f"'count' of {what} must be 1 or more, not {count}", fields["count"].line)
        return 1
    if originals and originals != count:
        reader.report(Subtype.COUNT, f"{what} stands for {count} opinions but lists {originals} 'originals'", fields["count"].line)
    return count


def _scope(reader: Reader, fields: dict[str, Located], what: str) -> bool:
    node = fields.get("scope")
    if node is None or node.value is None:
        return True
    value = node.value.strip() if isinstance(node.value, str) else ""
    if value in SCOPES:
        return SCOPES[value]
    reader.report(Subtype.TYPE, f"'scope' of {what} must be in (本案件) or out (本案件外), not {node.value!r}", node.line)
    return True


def _methods(reader: Reader, node: Located | None) -> list[tuple[str, int | None]]:
    """``submission_methods``: names (電子メール), or ``{method: 電子メール, count: 1,649}`` with 通 counted."""
    methods: list[tuple[str, int | None]] = []
    if node is not None and isinstance(node.value, str):
        return [(node.value.strip(), None)] if node.value.strip() else []
    items = reader.sequence(node, "'submission_methods'")
    for index, item in enumerate(items):
        if isinstance(item.value, dict):
            fields = reader.mapping(item, METHOD_KEYS, "a submission method")
            name = reader.text(fields, "method", "a submission method", required=True, line=item.line)
            methods.append((name, reader.integer(fields, "count", f"submission method {name!r}")))
        elif isinstance(item.value, str) and item.value.strip():
            text = item.value.strip()
            # [封書 1,649通, …] in a flow list splits at the comma: 「封書 1」 and 「649通」.
            previous = items[index - 1].value if index else None
            if _SPLIT_NUMBER.match(text) and isinstance(previous, str) and previous.rstrip()[-1:].isdigit():
                reader.report(
                    Subtype.TYPE,
                    f"{previous.strip()!r} and {text!r} look like one item split at the comma of a number: "
                    "quote it, or write {method: …, count: …}",
                    item.line,
                )
            methods.append((text, None))
        else:
            reader.report(Subtype.TYPE, "each item of 'submission_methods' must be text or {method: …, count: …}", item.line)
    return methods


_SPLIT_NUMBER = re.compile(r"^\d{3}(?:\D|$)")


def _labels(reader: Reader, node: Located | None) -> dict[str, str]:
    """``labels:``: this consultation's own words (the keys of core/labels.py)."""
    fields = reader.mapping(node, set(DEFAULT_LABELS), "'labels'")
    labels: dict[str, str] = {}
    for key, value in fields.items():
        if key not in DEFAULT_LABELS:
            continue  # reported by mapping()
        if isinstance(value.value, str):
            labels[key] = value.value
        else:
            reader.report(Subtype.TYPE, f"label {key!r} must be text", value.line)
    return labels


def _style(reader: Reader, node: Located | None) -> dict[str, str]:
    """``style:``: how dates and numbers are written (weekday, range, omit_repeated, digits)."""
    fields = reader.mapping(node, STYLE_KEYS, "'style'")
    style: dict[str, str] = {}
    for key, value in fields.items():
        if key not in STYLE_KEYS or not isinstance(value.value, str):
            if key in STYLE_KEYS:
                reader.report(Subtype.TYPE, f"style {key!r} must be text", value.line)
            continue
        try:
            if key == "digits":
                digit_style(value.value)
            else:
                PeriodStyle.from_mapping({key: value.value})
        except ValueError as error:
            reader.report(Subtype.TYPE, f"style {key!r}: {error}", value.line)
            continue
        style[key] = value.value
    return style


def _amendment(reader: Reader, node: Located) -> Amendment:
    fields = reader.mapping(node, AMENDMENT_KEYS, "an amendment")
    return Amendment(
        id=reader.text(fields, "id", "an amendment", required=False, line=None),
        summary=reader.text(fields, "summary", "an amendment", required=True, line=node.line),
        location=reader.text(fields, "location", "an amendment", required=False, line=None),
        after=reader.text(fields, "after", "an amendment", required=True, line=node.line),
        before=reader.text(fields, "before", "an amendment", required=False, line=None),
        line=node.line,
    )


def _schedule(reader: Reader, node: Located) -> ScheduleItem:
    fields = reader.mapping(node, SCHEDULE_KEYS, "a schedule item")
    text = reader.text(fields, "text", "a schedule item", required=True, line=node.line)
    when_node = fields.get("when")
    raw = when_node.text() if when_node else None
    day = ISO_DAY.match(raw.strip()) if raw else None
    month = ISO_MONTH.match(raw.strip()) if raw else None
    try:
        if day:
            item = ScheduleItem(dt.date(*map(int, day.groups())), "day", text, node.line)
        elif month:
            item = ScheduleItem(dt.date(int(month[1]), int(month[2]), 1), "month", text, node.line)
        if (day or month) and item.when >= FIRST_DAY:
            return item
    except ValueError:
        pass
    reader.report(
        Subtype.DATE,
        f"'when' of a schedule item must be YYYY-MM or YYYY-MM-DD from {FIRST_DAY.year} on, not {raw!r}",
        when_node.line if when_node else node.line,
    )
    return ScheduleItem(dt.date.min, "none", text, node.line)


def check_consultation(consultation: Consultation, reader: Reader, declared: dict[str, Located]) -> None:
    """Cross-field checks: keys, references, numbering, notes and counts."""
    _check_unique(reader, [(c.key, c.line) for c in consultation.categories], Subtype.CATEGORY, "category key")
    _check_unique(reader, [(t.id, t.line) for t in consultation.topics], Subtype.TOPIC, "topic id")
    keys = tuple(dict.fromkeys(c.key for c in consultation.categories))
    topics = tuple(dict.fromkeys(t.id for t in consultation.topics))
    opinions = consultation.opinions
    # With reuse on (core/reuse.py), an opinion the last reading checked against the same keys is not checked again.
    checked = reuse.memo("opinion checks", opinions[0].origin if opinions else None)
    for opinion in opinions:
        reuse.kept_or_made(
            checked, (reuse.Same(opinion), keys, topics), _check_opinion, reader, opinion, keys, topics, logs=(reader.problems,)
        )
    _check_numbers(reader, consultation)
    _check_declared(reader, consultation, declared)
    check_amendments(consultation, reader)


def _width_hint(value: str, known: tuple[str, ...]) -> str:
    """「; did you mean 'B'?」 for Ｂ typed with the input method on, or a Cyrillic В: a key is matched as written."""
    folded = skeleton(value)
    same = [key for key in known if skeleton(key) == folded]
    return f"; did you mean {same[0]!r}?" if same else ""


def _check_opinion(reader: Reader, opinion: Opinion, keys: tuple[str, ...], topics: tuple[str, ...]) -> None:
    """One opinion's category, topic and notes, against the consultation's ``keys`` and ``topics``."""
    where = opinion.origin
    if opinion.category and opinion.category not in keys:
        known = "、".join(keys) if keys else "none are defined"
        reader.report(
            Subtype.CATEGORY,
            f"opinion {opinion.number}: unknown category {opinion.category!r} (categories: {known}){_width_hint(opinion.category, keys)}",
            opinion.place("category"),
            where,
        )
    elif keys and not opinion.category:
        reader.report(
            Subtype.REQUIRED, f"opinion {opinion.number} needs a 'category' ({'、'.join(keys)})", opinion.place("category"), where
        )
    if opinion.topic and opinion.topic not in topics:
        known = "、".join(topics) if topics else "none are defined"
        reader.report(
            Subtype.TOPIC,
            f"opinion {opinion.number}: unknown topic {opinion.topic!r} (topics: {known}){_width_hint(opinion.topic, topics)}",
            opinion.place("topic"),
            where,
        )
    elif topics and not opinion.topic and opinion.in_scope:
        reader.report(Subtype.REQUIRED, f"opinion {opinion.number} needs a 'topic' ({'、'.join(topics)})", opinion.place("topic"), where)
    for field_name, text, notes in (
        ("summary", opinion.summary, opinion.summary_notes),
        ("response", opinion.response, opinion.response_notes),
    ):
        markers = len(NOTE_MARKER.findall(text))
        if markers != len(notes):
            reader.report(
                Subtype.NOTE,
                f"opinion {opinion.number}: {field_name!r} has {markers} (※) marker(s) but {len(notes)} note(s) in '{field_name}_notes'",
                opinion.place(field_name),
                where,
            )


def check_amendments(consultation: Consultation, reader: Reader) -> None:
    """The data's amendments: ids once each, two different texts, and the ids
    the opinions cite among them.  Without amendments in the data the
    comparison comes from the plan, whose ids only the build knows."""
    _check_unique(reader, [(a.id, a.line) for a in consultation.amendments], Subtype.AMENDMENT, "amendment id")
    for amendment in consultation.amendments:
        if amendment.before and amendment.before == amendment.after:
            reader.report(Subtype.AMENDMENT, "the 'before' and 'after' texts of this amendment are the same", amendment.line)
    if not consultation.amendments and not consultation.no_amendments:
        return
    ids = list(dict.fromkeys(a.id for a in consultation.amendments if a.id))
    known = "、".join(ids) if ids else ("the data says there are none" if consultation.no_amendments else "no amendment has an 'id'")
    for opinion in consultation.opinions:
        for amendment_id in opinion.amendments:
            if amendment_id not in ids:
                reader.report(
                    Subtype.REFERENCE,
                    f"opinion {opinion.number} cites an unknown amendment {amendment_id!r} (amendments: {known})",
                    opinion.place("amendments"),
                    opinion.origin,
                )


def _check_unique(reader: Reader, items: Iterable[tuple[str, int | None]], subtype: Subtype, what: str) -> None:
    """Each key once; two keys that look alike (core/textfold.py skeleton: Ａ, Cyrillic А, A with a
    zero-width space …) are one key written two ways, reported at the second."""
    seen: set[str] = set()
    looks: dict[str, tuple[str, int | None]] = {}
    for key, line in items:
        if key and key in seen:
            reader.report(subtype, f"{what} {key!r} is defined twice", line)
        elif key:
            first = looks.get(skeleton(key))
            if first is not None:
                where = f" (line {first[1]})" if first[1] else ""
                reader.report(
                    subtype,
                    f"{what} {key!r} ({_code_points(key)}) looks like {first[0]!r}{where} ({_code_points(first[0])}) "
                    "but is written with other characters: use one key",
                    line,
                )
            looks.setdefault(skeleton(key), (key, line))
        seen.add(key)


def _code_points(key: str) -> str:
    """``U+0041 U+200B`` for A and a zero-width space (shown as ［U+200B］): the key's first six code points."""
    typed = SHOWN.sub(lambda match: chr(int(match.group()[3:-1], 16)), key)
    return " ".join(f"U+{ord(c):04X}" for c in typed[:6]) + (" …" if len(typed) > 6 else "")


def _check_numbers(reader: Reader, consultation: Consultation) -> None:
    opinions = consultation.opinions
    numbered = [o for o in opinions if o.numbered]
    if numbered and len(numbered) != len(opinions):
        for opinion in opinions:
            if not opinion.numbered:
                reader.report(
                    Subtype.NUMBER, "this opinion has no 'no' while others do: number all opinions or none", opinion.line, opinion.origin
                )
        return
    seen: dict[int, Opinion] = {}
    for opinion in numbered:
        if opinion.number in seen:
            reader.report(Subtype.NUMBER, f"opinion number {opinion.number} is used twice", opinion.place("no"), opinion.origin)
        seen[opinion.number] = opinion
    if numbered:
        # Gaps from the sorted numbers, not from a range of every number:
        # one mistyped huge number must not fill the memory.
        missing = _gaps(sorted(seen), limit=11)
        if missing:
            first = numbered[0]
            listed = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
            reader.report(Subtype.NUMBER, f"opinion numbers skip {listed}", first.line, first.origin)


def _gaps(numbers: list[int], *, limit: int) -> list[int]:
    """The first ``limit`` numbers missing from sorted ``numbers`` counting from 1."""
    missing: list[int] = []
    expected = 1
    for number in numbers:
        while expected < number and len(missing) < limit:
            missing.append(expected)
            expected += 1
        if len(missing) >= limit:
            break
        expected = number + 1
    return missing


def _check_declared(reader: Reader, consultation: Consultation, declared: dict[str, Located]) -> None:
    """Declared counts against the data, in the consultation's own units (通, 件, 人 …)."""
    labels = {**DEFAULT_LABELS, **consultation.labels}
    opinions_unit, submissions_unit = labels["opinions_unit"], labels["submissions_unit"]
    if consultation.partial:
        _check_totals(reader, consultation, declared, opinions_unit, submissions_unit)
        return
    counted = consultation.opinion_count
    if consultation.declared_opinions is not None and consultation.declared_opinions != counted:
        reader.report(
            Subtype.COUNT,
            f"declared opinions ({consultation.declared_opinions:,}{opinions_unit}) disagree with the data ({counted:,}{opinions_unit})",
            declared["opinions"].line,
        )
    ids = {o.submission for o in consultation.opinions if o.submission}
    if ids and not all(o.submission for o in consultation.opinions):
        reader.report(
            Subtype.COUNT,
            "some opinions have a 'submission' id and some do not: give it for all or none",
            declared.get("submissions", Located(None, 1)).line,
        )
    elif ids and consultation.declared_submissions is not None and consultation.declared_submissions != len(ids):
        reader.report(
            Subtype.COUNT,
            f"declared submissions ({consultation.declared_submissions:,}{submissions_unit}) disagree with the data "
            f"({len(ids):,} distinct submission ids)",
            declared["submissions"].line,
        )
    by_method = sum(consultation.method_counts.values())
    total = consultation.submission_count
    if consultation.method_counts and total is not None and by_method != total:
        line = declared["submissions"].line if "submissions" in declared else None
        reader.report(
            Subtype.COUNT,
            f"the submissions by method add up to {by_method:,}{submissions_unit}, not the {total:,}{submissions_unit} of the whole",
            line,
        )


def _check_totals(
    reader: Reader, consultation: Consultation, declared: dict[str, Located], opinions_unit: str, submissions_unit: str
) -> None:
    """Declared totals of a selection or a summary (``rows: selection``): the rows
    may be fewer, never more; the parts must add up to the whole."""
    c = consultation
    rows_line = declared["rows"].line
    if c.declared_opinions is None and c.declared_submissions is None and not c.method_counts:
        reader.report(
            Subtype.COUNT,
            f"'rows: {c.declared_rows}' says the opinions are part of a larger set: declare its totals ('opinions', 'submissions')",
            rows_line,
        )
    parts = (
        ("opinions", c.declared_opinions, c.counted_opinions, "opinions"),
        ("in_scope", c.declared_in_scope, c.counted_in_scope, "opinions in scope"),
        ("out_of_scope", c.declared_out_of_scope, c.counted_out_of_scope, "opinions out of scope"),
    )
    for key, total, counted, what in parts:
        if total is not None and counted > total:
            reader.report(
                Subtype.COUNT,
                f"the data has {counted:,}{opinions_unit} {what}, more than the declared total ({total:,}{opinions_unit})",
                declared[key].line,
            )
    if c.declared_opinions is not None and c.declared_in_scope is not None and c.declared_out_of_scope is not None:
        whole = c.declared_in_scope + c.declared_out_of_scope
        if whole != c.declared_opinions:
            reader.report(
                Subtype.COUNT,
                f"declared opinions in scope and out of scope add up to {whole:,}{opinions_unit}, "
                f"not the {c.declared_opinions:,}{opinions_unit} declared",
                declared["opinions"].line,
            )
    ids = {o.submission for o in c.opinions if o.submission}
    if c.declared_submissions is not None and len(ids) > c.declared_submissions:
        reader.report(
            Subtype.COUNT,
            f"the data has {len(ids):,} distinct submission ids, more than the declared submissions "
            f"({c.declared_submissions:,}{submissions_unit})",
            declared["submissions"].line,
        )
    by_method = sum(c.method_counts.values())
    if c.method_counts and c.declared_submissions is not None and by_method != c.declared_submissions:
        reader.report(
            Subtype.COUNT,
            f"the submissions by method add up to {by_method:,}{submissions_unit}, "
            f"not the {c.declared_submissions:,}{submissions_unit} of the whole",
            declared["submissions"].line,
        )
