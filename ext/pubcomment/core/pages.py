"""Pages for the opinion tables of a large consultation.

At national scale a topic holds thousands of opinions; its table is split
over pages with ``pc-opinions :numbers:``.  Typing forty ranges by hand is
how opinions get left out, so ``pubcomment pages`` computes them from the
data: each topic's opinions in number order, ``per_page`` to a page, the
last page of a topic open-ended (``2251-``) so opinions added later at its
end still have a page.

A topic split over several pages also gets a page of its own that lists
them (``TopicIndex``), and the site's table of contents lists the topics,
not the pages.  Sphinx puts the site's table of contents beside every page,
resolved and written again for each: listing 400 pages there is work that
grows with pages² (a third of a 100,000-opinion build, bench/README.md) and
a list of 400 links a reader on a phone scrolls past on every page.  With a
page per topic, a theme that collapses the branches the reader is not in
(Sphinx's ``toctree()`` default, alabaster's) shows the topics, and the
pages of the topic the reader is in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Consultation
from .numbering import katakana
from .ranges import numbers_caption

SAFE_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


@dataclass(frozen=True)
class OpinionPage:
    name: str  # file stem, e.g. direction-01
    topic: str  # topic id, "" when the consultation has no topics
    heading: str  # ア プランの取組の方向性に関すること（No.1〜250）
    numbers: str  # the :numbers: option, "" when the topic fits on one page
    stem: str = ""  # the topic's file stem: the name of its own page when it has several
    topic_heading: str = ""  # the heading without the numbers: ア プランの取組の方向性に関すること


@dataclass(frozen=True)
class TopicIndex:
    name: str  # file stem of the topic's own page, e.g. direction
    heading: str  # ア プランの取組の方向性に関すること
    pages: tuple[str, ...]  # the stems of its opinion pages, in order


def markdown_text(text: str) -> str:
    """``text`` as literal markdown: every ASCII punctuation character escaped
    (a title such as ``<b>`` or ``{raw}`` stays text in the page heading)."""
    return ASCII_PUNCTUATION.sub(r"\\\g<0>", " ".join(text.split()))


def chunk_numbers(numbers: Sequence[int], per_page: int) -> list[str]:
    """``:numbers:`` values covering sorted ``numbers``, ``per_page`` opinions each."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    chunks = [numbers[i : i + per_page] for i in range(0, len(numbers), per_page)]
    if len(chunks) <= 1:
        return [""]
    return [f"{chunk[0]}-{'' if k == len(chunks) - 1 else chunk[-1]}" for k, chunk in enumerate(chunks)]


def plan_pages(consultation: Consultation, per_page: int) -> list[OpinionPage]:
    for t in consultation.topics:
        if t.id != " ".join(t.id.split()):
            raise ValueError(f"topic id {t.id!r} cannot be written as a :topic: option (spaces at its ends or inside)")
    groups: list[tuple[str, str, str]] = [  # (topic id, heading, file stem)
        (t.id, f"{katakana(i + 1)} {markdown_text(t.title)}", t.id if SAFE_NAME.match(t.id) else f"topic{i + 1:02d}")
        for i, t in enumerate(consultation.topics)
    ] or [("", markdown_text(consultation.title), "opinions")]
    pages: list[OpinionPage] = []
    for topic, heading, stem in groups:
        opinions = sorted(o.number for o in consultation.opinions if not topic or o.topic == topic)
        ranges = chunk_numbers(opinions, per_page)
        for k, numbers in enumerate(ranges, 1):
            name = f"{stem}-{k:02d}" if len(ranges) > 1 else stem
            shown = opinions[(k - 1) * per_page : k * per_page]
            suffix = numbers_caption(shown[0], shown[-1]) if numbers and shown else ""
            pages.append(OpinionPage(name, topic, heading + suffix, numbers, stem, heading))
    names = [p.name for p in pages]
    if len(set(names)) != len(names):
        raise ValueError("two pages would have the same file name: " + ", ".join(sorted({n for n in names if names.count(n) > 1})))
    return pages


def plan_indexes(pages: Sequence[OpinionPage]) -> list[TopicIndex]:
    """A page for each topic split over several ``pages``, listing them.

    Its name is the topic's file stem (the pages' names without ``-NN``)
    and its heading the topic's, without a range of numbers.
    """
    split: dict[str, list[OpinionPage]] = {}
    for page in pages:
        if page.numbers:
            split.setdefault(page.stem, []).append(page)
    indexes = [TopicIndex(stem, group[0].topic_heading, tuple(p.name for p in group)) for stem, group in split.items()]
    taken = {p.name for p in pages}
    clashes = sorted(i.name for i in indexes if i.name in taken)
    if clashes:
        raise ValueError("a topic's page would have the name of an opinion page: " + ", ".join(clashes))
    return indexes


def toctree_entries(pages: Sequence[OpinionPage], indexes: Sequence[TopicIndex]) -> list[str]:
    """The stems the site's table of contents lists: each topic's own page
    where it has one, else its only opinion page; in the topics' order."""
    listed = {name: index.name for index in indexes for name in index.pages}
    entries: list[str] = []
    for page in pages:
        entry = listed.get(page.name, page.name)
        if entry not in entries:
            entries.append(entry)
    return entries
