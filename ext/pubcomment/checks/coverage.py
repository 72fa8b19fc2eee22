"""Is every opinion shown?  The one place that asks, for two checks.

The results must publish every opinion (行政手続法43条1項).  For tables
not split by ``:numbers:``, :func:`unshown` names the opinions whose topic
no table shows; the law check (completeness.py) reports them under the
rule ``opinions``.  When a topic's opinions are spread over several pages,
a range typed wrong leaves opinions out or shows them twice, so
:func:`check_coverage` asks of a consultation whose tables use
``:numbers:`` that each opinion be in exactly one table, and reports a
table whose ranges hold no opinion too.  Neither reads data: the numbers
and topics of the opinions are kept in the environment
(``DeclaredConsultation``).
"""

from __future__ import annotations

from collections import defaultdict

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.problems import Subtype
from ..core.ranges import describe
from ..env.domain import DeclaredConsultation, OpinionTable, PubcommentDomain, get_domain
from ..warnings_ import warn


def is_split(tables: list[OpinionTable]) -> bool:
    """Whether a consultation's tables split its opinions by ``:numbers:`` (checked by :func:`check_coverage`)."""
    return any(t.numbers for t in tables)


def unshown(domain: PubcommentDomain, key: str, declared: DeclaredConsultation) -> tuple[int, ...]:
    """The opinions of ``key`` whose topic no valid opinion table shows; () for split
    tables (:func:`check_coverage` reports those) or when no table is valid."""
    tables = domain.opinion_tables(key)
    valid = [t for t in tables if t.valid]
    if not valid or is_split(tables):
        return ()
    # A table of every topic counts for each topic here, even one with :scope: in (which
    # leaves out the opinions out of scope): the law check has always asked so.
    by_topic: dict[str, bool] = {}
    for _number, topic, _digest in declared.opinion_index:
        if topic not in by_topic:
            by_topic[topic] = any(not t.topic or t.topic == topic for t in valid)
    return tuple(number for number, topic, _digest in declared.opinion_index if not by_topic[topic])


def check_coverage(app: Sphinx, env: BuildEnvironment) -> None:
    domain = get_domain(env)
    for key, declared in domain.consultations.items():
        tables = domain.opinion_tables(key)
        # Only splits are checked, and not when a range could not be read
        # (that table was reported and shows nothing).
        if not is_split(tables) or not all(t.valid for t in tables):
            continue
        missing: list[int] = []
        twice: dict[OpinionTable, list[int]] = defaultdict(list)
        shown: dict[OpinionTable, int] = dict.fromkeys(tables, 0)
        # Only the tables of an opinion's topic (or of every topic) can show it,
        # and of those the ones whose ranges hold its number (the domain's index).
        for number, topic, _digest in declared.opinion_index:
            of_topic, index = domain.tables_showing(key, topic)
            showing = [of_topic[order] for order in index.holding(number)]
            if not showing:
                missing.append(number)
            for table in showing:
                shown[table] += 1
            for table in showing[1:]:
                twice[table].append(number)
        if missing:
            warn(
                Subtype.COVERAGE,
                f"opinions {describe(missing)} of {key!r} are in no opinion table: the :numbers: of its pc-opinions leave them out",
                (declared.docname, declared.lineno),
            )
        for table, numbers in twice.items():
            warn(
                Subtype.COVERAGE,
                f"opinions {describe(numbers)} are shown by another opinion table too; "
                "each opinion must be in one table (check :numbers: and :topic:)",
                (table.docname, table.lineno),
            )
        for table, count in shown.items():
            if table.numbers and count == 0:
                warn(
                    Subtype.COVERAGE,
                    "this opinion table shows no opinion: no opinion"
                    + (f" of topic {table.topic!r}" if table.topic else "")
                    + " has a number in its :numbers:",
                    (table.docname, table.lineno),
                )
