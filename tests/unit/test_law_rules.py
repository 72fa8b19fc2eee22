"""The rules of 行政手続法43条1項, each firing and not, without a build."""

from __future__ import annotations

import pytest

from pubcomment.core.law import RULES, LawFacts, Shown, check_law

COMPLETE = LawFacts(title=True, published=True, opinions=2, unanswered=(), amendments=1, no_amendments=False)
SHOWN = Shown(overview=True, opinion_tables=True, amendments=True)


def rules_failed(facts: LawFacts = COMPLETE, shown: Shown = SHOWN, rules: tuple[str, ...] = RULES) -> list[str]:
    return [rule for rule, _message in check_law(facts, shown, rules)]


def test_complete_results_pass_every_rule() -> None:
    assert rules_failed() == []


@pytest.mark.parametrize(
    ("facts", "shown", "failed"),
    [
        ({"title": False}, {}, ["title"]),
        ({"published": False}, {}, ["published"]),
        ({}, {"overview": False}, ["published"]),  # given, but no pc-overview shows it
        ({}, {"opinion_tables": False}, ["opinions"]),
        ({}, {"unshown": (2,)}, ["opinions"]),
        ({"opinions": 0}, {"opinion_tables": False, "results": True}, []),  # 意見数 0件 says so
        ({"opinions": 0}, {"opinion_tables": True}, []),  # 「意見の募集に対し、御意見の提出はありませんでした。」
        ({"opinions": 0}, {"opinion_tables": False}, ["opinions"]),
        ({"unanswered": (1,)}, {}, ["responses"]),
        ({}, {"amendments": False}, ["amendments"]),
        ({"amendments": 0}, {}, ["amendments"]),  # an empty comparison, with nothing said
        ({"amendments": 0, "no_amendments": True}, {}, []),
        ({"amendments": 0}, {"plan_amendments": 3}, []),
    ],
)
def test_each_rule(facts: dict[str, object], shown: dict[str, object], failed: list[str]) -> None:
    assert rules_failed(LawFacts(**{**COMPLETE.__dict__, **facts}), Shown(**{**SHOWN.__dict__, **shown})) == failed


def test_only_the_chosen_rules_run() -> None:
    nothing = LawFacts(title=False, published=False, opinions=1, unanswered=(1,), amendments=0, no_amendments=False)
    assert rules_failed(nothing, Shown()) == ["title", "published", "opinions", "responses", "amendments"]
    assert rules_failed(nothing, Shown(), ("title",)) == ["title"]
    assert rules_failed(nothing, Shown(), ()) == []
    # The missing table is said once: by 'opinions', else by 'responses'.
    assert [m for r, m in check_law(nothing, Shown(), ("responses",))][1].startswith("the responses (考え方) are not published")
    assert len(check_law(nothing, Shown(), ("opinions", "responses"))) == 2
