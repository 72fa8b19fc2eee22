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

So the rules come in sets, by the kind of body (``body: {kind: …}`` in the
data, else inferred from the body's name, :func:`body_kind`): a 国の行政機関
follows 43条1項 whole (:data:`NATIONAL_RULES`); a 都道府県, 市区町村 or other
body what local ordinances and 要綱 commonly ask (:data:`LOCAL_RULES`: the
title, the opinions or that there were none, the responses with reasons; the
period is required of every data file already), with 公示日 and the
differences from the draft left out.  No rule fails a build unless the site
opts in (``pubcomment_law_rules``): every rule came after the first release,
whose data files must keep building (:data:`BASELINE`); until then they are
findings of ``pubcomment check --law``.

The check needs no document: :func:`law_facts` keeps what the rules ask of
the data, and the build says what its documents show (:class:`Shown`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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

# The kinds of body (``body: {kind: …}``), with their ASCII aliases.
NATIONAL = "国の行政機関"
PREFECTURE = "都道府県"
MUNICIPALITY = "市区町村"
OTHER = "その他"
KINDS = (NATIONAL, PREFECTURE, MUNICIPALITY, OTHER)
KIND_ALIASES = {"national": NATIONAL, "prefecture": PREFECTURE, "municipality": MUNICIPALITY, "other": OTHER}

# 43条1項 binds the state's administrative bodies; a local body's own
# ordinance or 要綱 commonly asks for the title, the opinions (or that there
# were none) and the responses with their reasons.
NATIONAL_RULES = RULES
LOCAL_RULES = (TITLE, OPINIONS, RESPONSES)
# What each rule comes from, for messages and the README.
SOURCES = {NATIONAL: LAW, PREFECTURE: "条例・要綱", MUNICIPALITY: "条例・要綱", OTHER: "条例・要綱"}

# The rules a build fails on when the site says nothing: those of the first
# release (none; the check came later).  A rule a release adds never fails a
# data file that built before; a site opts in with pubcomment_law_rules.
BASELINE: tuple[str, ...] = ()

# pubcomment_law_rules may name a rule set instead of listing rules:
# "body" for each consultation's own kind, or a kind (or its alias).
BY_BODY = "body"
RULE_SETS = (BY_BODY, *KINDS, *KIND_ALIASES)


def kind_of(text: str) -> str:
    """A kind from its name or ASCII alias; "" for anything else."""
    text = text.strip()
    return text if text in KINDS else KIND_ALIASES.get(text.lower(), "")


def body_kind(name: str, given: str = "") -> str:
    """The kind of body: as the data gives it, else from its name's ending where that is unambiguous.

    …市, …区, …町, …村 are 市区町村; …都, …道, …府, …県 are 都道府県; …省 is a
    ministry (no local body's name ends so).  Anything else (…庁 may be a
    県庁, …委員会 a local 教育委員会) is その他, which follows the local rules.
    """
    if kind := kind_of(given):
        return kind
    name = name.strip()
    if name.endswith(("市", "区", "町", "村")):
        return MUNICIPALITY
    if name.endswith(("都", "道", "府", "県")):
        return PREFECTURE
    if name.endswith("省"):
        return NATIONAL
    return OTHER


def rules_of_kind(kind: str) -> tuple[str, ...]:
    return NATIONAL_RULES if kind == NATIONAL else LOCAL_RULES


def rules_for(setting: list[str] | str | None, kind: str) -> tuple[tuple[str, ...], str]:
    """The rules a build checks, and where they come from: the listed rules (as before, 43条1項's),
    a named set (the body's own kind's for "body"), or the baseline when the site says nothing."""
    if setting is None:
        return BASELINE, LAW
    if isinstance(setting, str):
        kind = kind if setting == BY_BODY else kind_of(setting)
        return rules_of_kind(kind), SOURCES[kind]
    return tuple(setting), LAW


@dataclass(frozen=True)
class LawFacts:
    """What the rules ask of a consultation's data, small enough to keep between builds."""

    title: bool
    published: bool
    opinions: int
    unanswered: tuple[int, ...]  # numbers of the opinions without a 考え方
    amendments: int  # the data's amendments
    no_amendments: bool  # ``amendments: []``
    kind: str = OTHER  # the body's kind (body_kind)


def law_facts(consultation: Consultation) -> LawFacts:
    return LawFacts(
        title=bool(consultation.title.strip()),
        published=consultation.published is not None,
        opinions=len(consultation.opinions),
        unanswered=tuple(o.number for o in consultation.opinions if not o.response.strip()),
        amendments=len(consultation.amendments),
        no_amendments=consultation.no_amendments,
        kind=body_kind(consultation.body_name, consultation.body_kind),
    )


@dataclass(frozen=True)
class Shown:
    """What the documents of a consultation show of it."""

    overview: bool = False  # pc-overview (the 公示日 is shown there)
    results: bool = False  # pc-results (意見数 0件 says there were none)
    opinion_tables: bool = False  # at least one pc-opinions (that each opinion is in one: checks/coverage.py, always)
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


# Everything a document could show: what the data alone can fail (``pubcomment check --law``).
ALL_SHOWN = Shown(overview=True, results=True, opinion_tables=True, amendments=True)


def data_findings(facts: LawFacts) -> list[tuple[str, str]]:
    """The rules of the body's kind that the data alone fails, as the documents cannot be read without a build."""
    return [
        (rule, _NO_AMENDMENTS_IN_DATA if rule == AMENDMENTS else message)
        for rule, message in check_law(facts, ALL_SHOWN, rules_of_kind(facts.kind))
    ]


# Without a build the plan's pc-amendment markup is not seen: said so.
_NO_AMENDMENTS_IN_DATA = (
    "the data has no amendments and does not say the draft was not changed ('amendments: []'); "
    "a build that checks the rules also counts the plan's pc-amendment"
)
