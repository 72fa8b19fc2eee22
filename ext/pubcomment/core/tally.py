"""意見の件数と対応区分: opinions counted by topic group and category."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import OUT_OF_SCOPE, Consultation, Opinion


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


def tally(
    consultation: Consultation,
    *,
    total_label: str = "合計",
    topic_label: Callable[[int, str], str] | None = None,
    out_of_scope_label: str = "本案件外のもの",
) -> Tally:
    """Count opinions per topic (rows) and category (columns).

    A row of 同趣旨 counts every opinion it stands for.  With no categories
    there is one column, the total; with no topics there are no rows by
    topic, only the total; opinions out of scope have a row of their own.
    """
    keys = tuple(c.key for c in consultation.categories)
    label = topic_label or (lambda index, title: title)

    def counts(opinions: list[Opinion]) -> tuple[int, ...]:
        if not keys:
            return (sum(o.count for o in opinions),)
        return tuple(sum(o.count for o in opinions if o.category == key) for key in keys)

    rows = [TallyRow(label(i, t.title), counts(consultation.opinions_in(t.id))) for i, t in enumerate(consultation.topics)]
    out = consultation.opinions_in(OUT_OF_SCOPE)
    if out:
        rows.append(TallyRow(out_of_scope_label, counts(out)))
    return Tally(keys, tuple(rows), TallyRow(total_label, counts(consultation.opinions)))
