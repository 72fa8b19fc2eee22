"""The consultation (意見募集) and what it holds, as plain dataclasses.

Text fields hold MyST markdown source; rendering it is the caller's job.
Every record keeps the line it came from so later checks (and renderers)
can point at the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

# The text fields of an opinion whose format a consultation chooses (a
# field's notes follow it), and the formats.
TEXT_FIELDS = ("summary", "response")
PLAIN = "plain"
MARKDOWN = "markdown"
TEXT_FORMATS = (PLAIN, MARKDOWN)


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

    def __reduce__(self) -> tuple[type[Opinion], tuple[object, ...]]:
        # Pickled as the constructor's arguments: under -j the opinions a
        # worker read travel to the main process, and rebuilding 10,000
        # instance dicts took three times as long (0.19 s against 0.06 s).
        return Opinion, tuple(self.__dict__[name] for name in _OPINION_FIELDS)


_OPINION_FIELDS = tuple(f.name for f in fields(Opinion))


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
    submission_methods: list[str] = field(default_factory=list)
    publicity: list[str] = field(default_factory=list)
    declared_submissions: int | None = None
    declared_opinions: int | None = None
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

    def category(self, key: str) -> Category | None:
        return next((c for c in self.categories if c.key == key), None)

    def opinions_in(self, topic_id: str) -> list[Opinion]:
        return [o for o in self.opinions if o.topic == topic_id]

    @property
    def opinion_count(self) -> int:
        """意見数 (件): always counted, never taken from the declaration."""
        return len(self.opinions)

    @property
    def submission_count(self) -> int | None:
        """意見提出数 (通).

        Counted as distinct submission ids when every opinion carries one;
        otherwise only the declared number can be known.
        """
        ids = [o.submission for o in self.opinions]
        if ids and all(ids):
            return len(set(ids))
        return self.declared_submissions
