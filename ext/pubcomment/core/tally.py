"""意見の件数と対応区分: opinions counted by topic group and category."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Consultation, Opinion


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

    With no categories there is one column, the total; with no topics
    there are no rows by topic, only the total.
    """
    keys = tuple(c.key for c in consultation.categories)
    label = topic_label or (lambda index, title: title)
    def counts(opinions: list[Opinion]) -> tuple[int, ...]:
        return tuple(sum(1 for o in opinions if o.category == key) for key in keys) if keys else (len(opinions),)

    rows = tuple(TallyRow(label(i, t.title), counts(consultation.opinions_in(t.id))) for i, t in enumerate(consultation.topics))
    return Tally(keys, rows, TallyRow(total_label, counts(consultation.opinions)))

