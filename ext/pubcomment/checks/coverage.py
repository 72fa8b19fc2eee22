"""Is every opinion shown?  Asked of every consultation with an opinion table, always.

The results must publish every opinion (行政手続法43条1項, and every
ordinance): nothing a citizen sent may vanish from the page in silence, law
rules or none.  Each opinion must be in exactly one table: one of its topic
or of every topic (for an opinion out of scope, a table that does not say
``:scope: in``) whose ``:numbers:`` hold its number, if it has any.  A
table missing for a topic, a ``:scope: in`` table with no table for the
opinions out of scope, or a range typed wrong leave opinions out; ranges
that overlap show them twice; a table whose ranges hold no opinion shows
nothing.  No data is read: the numbers and topics of the opinions are kept
in the environment (``DeclaredConsultation``).  Whether a consultation has
an opinion table at all is the law check's (completeness.py).
"""

from __future__ import annotations

from collections import defaultdict

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.problems import Subtype
from ..core.ranges import describe
from ..env.domain import OpinionTable, get_domain
from ..warnings_ import warn


def is_split(tables: list[OpinionTable]) -> bool:
    """Whether a consultation's tables split its opinions by ``:numbers:`` (checked by :func:`check_coverage`)."""
    return any(t.numbers for t in tables)


def check_coverage(app: Sphinx, env: BuildEnvironment) -> None:
    domain = get_domain(env)
    for key, declared in domain.consultations.items():
        tables = domain.opinion_tables(key)
        # Not when no table shows the opinions (the law check's), nor when a range
        # could not be read (that table was reported and shows nothing).
        if not tables or not all(t.valid for t in tables):
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
                f"opinions {describe(missing)} of {key!r} are in no opinion table: "
                + (
                    "the :numbers: of its pc-opinions leave them out"
                    if is_split(tables)
                    else "no pc-opinions shows their topic (or, out of scope, a table without ':scope: in')"
                ),
                (declared.docname, declared.lineno),
            )
        if not is_split(tables):
            # Unsplit, a table of every topic beside tables of one topic is a layout sites have
            # always used (a summary page and pages by topic): only what no table shows is reported.
            continue
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
