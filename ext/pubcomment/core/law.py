"""What 行政手続法43条1項 requires of the published results of a consultation.

When an administrative body publishes the rule it made after a public
comment procedure, it must publish with it (43条1項): the rule's title
(1号, 題名), the day the draft was published (2号, 公示日), the opinions
submitted, or that there were none (3号), and the result of considering
them with the reasons (4号), which includes the differences between the
draft and the final text.  Each requirement is a named rule; a site picks
the rules it follows (``pubcomment_law_rules``): the law's procedure does
not apply to a local government's own ordinances and rules (3条3項); each
sets its own in the law's spirit (46条), which may ask for less or more.

The check needs no document: :func:`law_facts` keeps what the rules ask of
the data, and the build says what its documents show (:class:`Shown`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Consultation
from .ranges import describe

TITLE = "title"
PUBLISHED = "published"
OPINIONS = "opinions"
RESPONSES = "responses"
AMENDMENTS = "amendments"

# Every rule, in the order of 43条1項; the default set is all of them.
RULES = (TITLE, PUBLISHED, OPINIONS, RESPONSES, AMENDMENTS)

LAW = "行政手続法43条1項"


@dataclass(frozen=True)
class LawFacts:
    """What the rules ask of a consultation's data, small enough to keep between builds."""

    title: bool
    published: bool
    opinions: int
    unanswered: tuple[int, ...]  # numbers of the opinions without a 考え方
    amendments: int  # the data's amendments
    no_amendments: bool  # ``amendments: []``


def law_facts(consultation: Consultation) -> LawFacts:
    return LawFacts(
        title=bool(consultation.title.strip()),
        published=consultation.published is not None,
        opinions=len(consultation.opinions),
        unanswered=tuple(o.number for o in consultation.opinions if not o.response.strip()),
        amendments=len(consultation.amendments),
        no_amendments=consultation.no_amendments,
    )


@dataclass(frozen=True)
class Shown:
    """What the documents of a consultation show of it."""

    overview: bool = False  # pc-overview (the 公示日 is shown there)
    results: bool = False  # pc-results (意見数 0件 says there were none)
    opinion_tables: bool = False  # at least one pc-opinions
    # Opinions no pc-opinions shows (when the build can tell: see the caller).
    unshown: tuple[int, ...] = field(default=())
    amendments: bool = False  # pc-amendments
    plan_amendments: int = 0  # the plan's pc-amendment, shown when the data has none


def check_law(facts: LawFacts, shown: Shown, rules: Iterable[str]) -> list[tuple[str, str]]:
    """(rule, what is missing) for each requirement the results fail."""
    rules = set(rules)
    found: list[tuple[str, str]] = []
    if TITLE in rules and not facts.title:
        found.append((TITLE, "the results have no title (題名): give 'title' in the data"))
    if PUBLISHED in rules:
        if not facts.published:
            found.append((PUBLISHED, "the day the draft was published (公示日) is not in the data: add 'published: YYYY-MM-DD'"))
        elif not shown.overview:
            found.append(
                (PUBLISHED, "the day the draft was published (公示日) is shown by pc-overview, which no document of the results has")
            )
    if OPINIONS in rules:
        if facts.opinions == 0:
            if not (shown.opinion_tables or shown.results):
                found.append((OPINIONS, "no opinion was submitted, and no pc-opinions or pc-results says so"))
        elif not shown.opinion_tables:
            found.append((OPINIONS, "the submitted opinions are not published: no document of the results has pc-opinions"))
        elif shown.unshown:
            found.append((OPINIONS, f"opinions {describe(list(shown.unshown))} are in no opinion table (pc-opinions :topic:)"))
    if RESPONSES in rules:
        if facts.unanswered:
            found.append((RESPONSES, f"opinions {describe(list(facts.unanswered))} have no response (考え方 and its reasons)"))
        if facts.opinions and not shown.opinion_tables and OPINIONS not in rules:  # else said once, by that rule
            found.append((RESPONSES, "the responses (考え方) are not published: no document of the results has pc-opinions"))
    if AMENDMENTS in rules:
        if not shown.amendments:
            found.append(
                (
                    AMENDMENTS,
                    "the differences between the draft and the final text are not published: "
                    "no document of the results has pc-amendments (with 'amendments: []' in the data if there are none)",
                )
            )
        elif facts.amendments == 0 and not facts.no_amendments and shown.plan_amendments == 0:
            found.append(
                (
                    AMENDMENTS,
                    "pc-amendments has no amendment to show: if the draft was not changed, say so with 'amendments: []' in the data",
                )
            )
    return found
