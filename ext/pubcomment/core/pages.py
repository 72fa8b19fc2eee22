"""Pages for the opinion tables of a large consultation.

At national scale a topic holds thousands of opinions; its table is split
over pages with ``pc-opinions :numbers:``.  Typing forty ranges by hand is
how opinions get left out, so ``pubcomment pages`` computes them from the
data: each topic's opinions in number order, ``per_page`` to a page, the
last page of a topic open-ended (``2251-``) so opinions added later at its
end still have a page.
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


def markdown_text(text: str) -> str:
    """``text`` as literal markdown: every ASCII punctuation character escaped
    (a title such as ``<b>`` or ``{raw}`` stays text in the page heading)."""
    return ASCII_PUNCTUATION.sub(r"\\\g<0>", " ".join(text.split()))


def chunk_numbers(numbers: Sequence[int], per_page: int) -> list[str]:
    """``:numbers:`` values covering sorted ``numbers``, ``per_page`` opinions each."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    chunks = [numbers[i:i + per_page] for i in range(0, len(numbers), per_page)]
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
            shown = opinions[(k - 1) * per_page:k * per_page]
            suffix = numbers_caption(shown[0], shown[-1]) if numbers and shown else ""
            pages.append(OpinionPage(name, topic, heading + suffix, numbers))
    return pages
