"""Tables split by ``:numbers:`` must show every opinion once.

When a topic's opinions are spread over several pages, a range typed
wrong leaves opinions out of the published results (which 行政手続法 43
条 requires to be published) or shows them twice.  Once every document
is read, each opinion of a consultation whose tables use ``:numbers:``
must be in exactly one table; a table whose ranges hold no opinion is
reported too.  The check reads no data: the numbers and topics of the
opinions are kept in the environment (``DeclaredConsultation``).
"""

from __future__ import annotations

from collections import defaultdict

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.problems import Subtype
from ..core.ranges import describe
from ..env.domain import OpinionTable, get_domain
from ..warnings_ import warn


def check_coverage(app: Sphinx, env: BuildEnvironment) -> None:
    domain = get_domain(env)
    for key, declared in domain.consultations.items():
        tables = domain.opinion_tables(key)
        # Only splits are checked, and not when a range could not be read
        # (that table was reported and shows nothing).
        if not any(t.numbers for t in tables) or not all(t.valid for t in tables):
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
