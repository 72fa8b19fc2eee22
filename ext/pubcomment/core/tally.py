"""意見の件数と対応区分: opinions counted by topic group and category."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Consultation


@dataclass(frozen=True)
class TallyRow:
    label: str
    counts: tuple[int, ...]  # one per category, in scheme order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Tally:
    category_keys: tuple[str, ...]
    rows: tuple[TallyRow, ...]
    total: TallyRow


def tally(consultation: Consultation, *, total_label: str = "合計", topic_label: Callable[[int, str], str] | None = None) -> Tally:
    """Count opinions per topic (rows) and category (columns).

    With no categories there is one column, the total; with no topics one
    row covers every opinion.
    """
    keys = tuple(c.key for c in consultation.categories)
    label = topic_label or (lambda index, title: title)
    groups: list[tuple[str, str | None]] = [(label(i, t.title), t.id) for i, t in enumerate(consultation.topics)] or [("", None)]
    rows = []
    for title, topic_id in groups:
        opinions = consultation.opinions if topic_id is None else consultation.opinions_in(topic_id)
        counts = tuple(sum(1 for o in opinions if o.category == key) for key in keys) if keys else (len(opinions),)
        rows.append(TallyRow(title, counts))
    width = len(keys) if keys else 1
    total = TallyRow(total_label, tuple(sum(r.counts[i] for r in rows) for i in range(width)))
    return Tally(keys, tuple(rows), total)

