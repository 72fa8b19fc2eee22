"""The consultation (意見募集) and what it holds, as plain dataclasses.

Text fields hold MyST markdown source; rendering it is the caller's job.
Every record keeps the line it came from so later checks (and renderers)
can point at the data.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field, fields

# The text fields of an opinion whose format a consultation chooses (a
# field's notes follow it; declared in opinion_fields.py), and the formats.
from .opinion_fields import TEXT_FIELDS as TEXT_FIELDS

PLAIN = "plain"
MARKDOWN = "markdown"
TEXT_FORMATS = (PLAIN, MARKDOWN)
# What the rows of the data are (``declared: {rows: …}``): every opinion (the
# default), or a selection (主な御意見) or a summary (整理・要約) of a larger
# set, whose true totals are the declared ones.
ROWS_ALL, ROWS_SELECTION, ROWS_SUMMARY = "all", "selection", "summary"
ROWS_CHOICES = (ROWS_ALL, ROWS_SELECTION, ROWS_SUMMARY)
# The table group of the opinions out of scope (本案件外); never a topic id
# (an ``@`` cannot start a plain YAML scalar).
OUT_OF_SCOPE = "@out"
# Every opinion in scope, whatever its topic (the one table of a consultation without topics).
IN_SCOPE = "@in"


@dataclass
class Category:
    """One 対応区分, e.g. ``B`` — 御意見の趣旨が案に沿ったもの…."""

    key: str
    description: str
    label: str = ""
    line: int | None = None


@dataclass
class Topic:
    """A topic group (項目) such as プランの取組の方向性に関すること.

    Its letter (ア, イ …) is not stored: it follows from the order.
    """

    id: str
    title: str
    line: int | None = None


@dataclass
class Opinion:
    """One opinion (意見) and the body's answer (考え方)."""

    number: int
    summary: str
    response: str
    category: str = ""
    topic: str = ""
    submission: str = ""
    summary_notes: list[str] = field(default_factory=list)
    response_notes: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    amendments: list[str] = field(default_factory=list)
    # Whether ``number`` was written in the data (else it is the position).
    numbered: bool = False
    line: int | None = None
    # The file the opinion came from when opinions live in their own file.
    origin: str | None = None
    # How many submitted opinions the row stands for (行政手続法43条2項's
    # 整理又は要約: 「同趣旨 N件」), and optionally their own numbers or ids.
    count: int = 1
    originals: list[str] = field(default_factory=list)
    # False for an opinion on something else than the draft (本案件外).
    in_scope: bool = True
    # Where each field was read when it is not the opinion's line, by field
    # name: the cells of a sheet's row (core/sheets.py), a YAML item's lines.
    places: dict[str, int] = field(default_factory=dict)

    def place(self, field_name: str) -> int | None:
        """The line (a sheet's cell) of one field, else the opinion's."""
        return self.places.get(field_name, self.line)

    @property
    def group(self) -> str:
        """The table the opinion is shown in: its topic's, or that of the opinions out of scope."""
        return self.topic if self.in_scope else OUT_OF_SCOPE

    def __reduce__(self) -> tuple[type[Opinion], tuple[object, ...]]:
        # Pickled as the constructor's arguments: under -j the opinions a
        # worker read travel to the main process, and rebuilding 10,000
        # instance dicts took three times as long (0.19 s against 0.06 s).
        return Opinion, tuple(self.__dict__[name] for name in _OPINION_FIELDS)


_OPINION_FIELDS = tuple(f.name for f in fields(Opinion))


@dataclass
class Redaction:
    """A withheld span of an opinion's text (core/redaction.py): where and
    why, and how many characters; never the text itself."""

    number: int
    field: str
    reason: str
    length: int
    line: int | None = None
    origin: str | None = None


@dataclass
class Amendment:
    """One change from the draft (改定案) to the final text.

    ``after`` and ``before`` are markdown in which the writer may mark the
    changed spans with the ``{u}`…``` role.  ``before`` is empty for an
    addition (rendered as なし).
    """

    summary: str
    location: str
    after: str
    before: str = ""
    id: str = ""
    line: int | None = None


@dataclass
class ScheduleItem:
    """One entry of 今後の予定: a month (or day) and what happens then."""

    when: dt.date
    precision: str  # "month" or "day"
    text: str
    line: int | None = None


@dataclass
class Consultation:
    title: str
    body_name: str
    self_reference: str
    plan: str
    start: dt.date | None
    end: dt.date | None
    # The day the draft was published (案の公示日, 行政手続法43条1項), when the data gives it.
    published: dt.date | None = None
    # The kind of body as the data gives it (core/law.py KINDS), "" when it does not.
    body_kind: str = ""
    submission_methods: list[str] = field(default_factory=list)
    publicity: list[str] = field(default_factory=list)
    declared_submissions: int | None = None
    declared_opinions: int | None = None
    declared_in_scope: int | None = None
    declared_out_of_scope: int | None = None
    # ROWS_CHOICES; "" (not said) is ROWS_ALL.
    declared_rows: str = ""
    # 提出方法別の通数, for the methods whose count the data gives.
    method_counts: dict[str, int] = field(default_factory=dict)
    # Overrides of the labels (core/labels.py) and of the date and number
    # styles (core/wareki.py PeriodStyle options, ``digits``) for this consultation.
    labels: dict[str, str] = field(default_factory=dict)
    style: dict[str, str] = field(default_factory=dict)
    categories: list[Category] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    opinions: list[Opinion] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    # The data says the draft was not changed: ``amendments: []``, written out.
    no_amendments: bool = False
    schedule: list[ScheduleItem] = field(default_factory=list)
    # How the text fields of the opinions (TEXT_FIELDS) are read, where the
    # data says: "plain", every character as typed, or "markdown" (the safe
    # subset); a field the data does not name follows the site's setting.
    text_format: dict[str, str] = field(default_factory=dict)
    # Where the consultation stands, when the data says (core/status.py
    # Status values; "" to reckon it from the dates), and the day its
    # results were (or will be) published.
    status: str = ""
    results_published: dt.date | None = None
    # What was withheld from the opinions' texts (redaction log; no text).
    redactions: list[Redaction] = field(default_factory=list)
    # The fields in no output unless the data names them (``publish: [submission]``,
    # core/opinion_fields.py ON_REQUEST_FIELDS): these the open data has, checked for personal information.
    publish: list[str] = field(default_factory=list)
    # The line each top-level key of the data was read at (title, labels …), and the
    # data's file (None for data embedded in a document).
    places: dict[str, int] = field(default_factory=dict)
    origin: str | None = None

    def place(self, key: str) -> int | None:
        """The line of a top-level key of the data, when known."""
        return self.__dict__.get("places", {}).get(key)

    def category(self, key: str) -> Category | None:
        return next((c for c in self.categories if c.key == key), None)

    def opinions_in(self, group: str) -> list[Opinion]:
        """The opinions of one table: a topic's (in scope), OUT_OF_SCOPE's, or
        IN_SCOPE's (every opinion in scope), in the data's order."""
        return self._groups()[group][1] if group in self._groups() else []

    def opinions_numbered(self, group: str, first: int, last: int | None) -> list[Opinion]:
        """The opinions of ``group`` numbered ``first`` to ``last`` (None: to the
        end), in the data's order: a page of a split table, found by bisection."""
        numbers, _opinions, by_number = self._groups().get(group, ([], [], []))
        start = bisect.bisect_left(numbers, first)
        end = len(numbers) if last is None else bisect.bisect_right(numbers, last)
        return [opinion for _position, opinion in sorted(by_number[start:end], key=lambda item: item[0])]

    def _groups(self) -> dict[str, tuple[list[int], list[Opinion], list[tuple[int, Opinion]]]]:
        """group → (sorted numbers, opinions in data order, (position, opinion) by number),
        made once: each page of a split table asked for its opinions by a scan
        of them all, which grew with opinions × pages."""
        index = self.__dict__.get("_group_index")
        if index is None or index[0] is not self.opinions or index[1] != len(self.opinions):
            groups: dict[str, list[tuple[int, Opinion]]] = {}
            for position, opinion in enumerate(self.opinions):
                groups.setdefault(opinion.group, []).append((position, opinion))
                if opinion.in_scope:
                    groups.setdefault(IN_SCOPE, []).append((position, opinion))
            built = {}
            for group, members in groups.items():
                by_number = sorted(members, key=lambda item: item[1].number)
                built[group] = ([o.number for _p, o in by_number], [o for _p, o in members], by_number)
            index = (self.opinions, len(self.opinions), built)
            self.__dict__["_group_index"] = index
        return index[2]

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_group_index", None)  # made again where it is needed
        return state

    @property
    def partial(self) -> bool:
        """Whether the rows are a selection or a summary of a larger set, whose
        totals are the declared ones (``declared: {rows: selection}``)."""
        return self.__dict__.get("declared_rows", "") in (ROWS_SELECTION, ROWS_SUMMARY)

    @property
    def counted_opinions(self) -> int:
        """The submitted opinions the rows stand for: a row of 同趣旨 counts them all."""
        return sum(o.count for o in self.opinions)

    @property
    def counted_in_scope(self) -> int:
        return sum(o.count for o in self.opinions if o.in_scope)

    @property
    def counted_out_of_scope(self) -> int:
        return sum(o.count for o in self.opinions if not o.in_scope)

    @property
    def opinion_count(self) -> int:
        """意見数 (件): counted from the rows, or, when the rows are a selection
        or a summary, the declared total."""
        if self.partial and self.declared_opinions is not None:
            return self.declared_opinions
        if self.partial and self.declared_in_scope is not None and self.declared_out_of_scope is not None:
            return self.declared_in_scope + self.declared_out_of_scope
        return self.counted_opinions

    @property
    def in_scope_count(self) -> int | None:
        """うち本案件に関するもの; None when a selection's totals do not say."""
        if not self.partial:
            return self.counted_in_scope
        if self.declared_in_scope is not None:
            return self.declared_in_scope
        if self.declared_out_of_scope is not None:
            return self.opinion_count - self.declared_out_of_scope
        return None

    @property
    def out_of_scope_count(self) -> int | None:
        """うち本案件外のもの; None when a selection's totals do not say."""
        if not self.partial:
            return self.counted_out_of_scope
        if self.declared_out_of_scope is not None:
            return self.declared_out_of_scope
        if self.declared_in_scope is not None and self.declared_opinions is not None:
            return self.declared_opinions - self.declared_in_scope
        return None

    @property
    def row_count(self) -> int:
        """The opinions as published: one per row."""
        return len(self.opinions)

    @property
    def none_submitted(self) -> bool:
        """Whether nobody submitted an opinion (御意見の提出はありませんでした): no
        rows and no declared total, or a declared total of zero."""
        declared = [n for n in (self.declared_submissions, self.declared_opinions) if n is not None]
        if declared:
            return not any(declared)
        return not self.opinions

    @property
    def grouped_count(self) -> int:
        """The submitted opinions that rows of 同趣旨 stand for."""
        return sum(o.count for o in self.opinions if o.count > 1)

    @property
    def submission_count(self) -> int | None:
        """意見提出数 (通).

        Counted as distinct submission ids when every opinion carries one;
        otherwise only the declared number can be known.
        """
        if self.partial and self.declared_submissions is not None:
            return self.declared_submissions
        if self.partial and self.method_counts:
            return sum(self.method_counts.values())
        ids = [o.submission for o in self.opinions]
        if ids and all(ids):
            return len(set(ids))
        if self.declared_submissions is None and self.method_counts:
            return sum(self.method_counts.values())
        if self.declared_submissions is None and not self.opinions:
            return 0  # no opinions: nobody submitted any
        return self.declared_submissions
