"""The rules of 行政手続法43条1項, each firing and not, without a build."""

from __future__ import annotations

import pytest

from pubcomment.core.law import KINDS, RULES, LawFacts, Shown, body_kind, check_law, data_findings, rules_for, rules_of_kind

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


@pytest.mark.parametrize(
    ("name", "given", "kind"),
    [
        ("見本市", "", "市区町村"),
        ("見本区", "", "市区町村"),
        ("見本町", "", "市区町村"),
        ("見本村", "", "市区町村"),
        ("見本県", "", "都道府県"),
        ("北海道", "", "都道府県"),
        ("東京都", "", "都道府県"),
        ("見本府", "", "都道府県"),
        ("見本省", "", "国の行政機関"),
        ("見本県庁", "", "その他"),  # …庁 may be a prefecture's office: not inferred
        ("見本市教育委員会", "", "その他"),
        ("見本一部事務組合", "", "その他"),
        ("見本市", "national", "国の行政機関"),  # what the data says wins
        ("見本庁", "国の行政機関", "国の行政機関"),
        ("見本省", "other", "その他"),
        ("見本市", "prefecture", "都道府県"),
        ("見本市", "municipality", "市区町村"),
    ],
)
def test_the_kind_of_body(name: str, given: str, kind: str) -> None:
    assert body_kind(name, given) == kind


NO_PUBLISHED_NO_AMENDMENTS = LawFacts(title=True, published=False, opinions=2, unanswered=(), amendments=0, no_amendments=False)


@pytest.mark.parametrize(
    ("kind", "failed"),
    [
        ("国の行政機関", ["published", "amendments"]),  # 43条1項 whole
        ("都道府県", []),  # a local ordinance or 要綱 asks for neither 公示日 nor the differences
        ("市区町村", []),
        ("その他", []),
    ],
)
def test_the_rules_of_each_kind(kind: str, failed: list[str]) -> None:
    facts = LawFacts(**{**NO_PUBLISHED_NO_AMENDMENTS.__dict__, "kind": kind})
    assert rules_failed(facts, SHOWN, rules_of_kind(kind)) == failed
    assert [rule for rule, _message in data_findings(facts)] == failed


def test_every_kind_asks_for_title_opinions_and_responses() -> None:
    for kind in KINDS:
        assert {"title", "opinions", "responses"} <= set(rules_of_kind(kind))
    assert rules_of_kind("国の行政機関") == RULES


def test_the_site_opts_in() -> None:
    # Unset: the first release's rules (none), so old data keeps building.
    assert rules_for(None, "国の行政機関") == ((), "行政手続法43条1項")
    # A list is used as given, as before.
    assert rules_for(["title", "published"], "市区町村") == (("title", "published"), "行政手続法43条1項")
    assert rules_for([], "国の行政機関")[0] == ()
    # A set: by the body's kind, or named.
    assert rules_for("body", "市区町村") == (("title", "opinions", "responses"), "条例・要綱")
    assert rules_for("body", "国の行政機関") == (RULES, "行政手続法43条1項")
    assert rules_for("national", "市区町村") == (RULES, "行政手続法43条1項")
    assert rules_for("都道府県", "国の行政機関") == (("title", "opinions", "responses"), "条例・要綱")


def test_findings_from_the_data_alone() -> None:
    # The documents cannot be read without a build: only what the data lacks.
    facts = LawFacts(title=False, published=False, opinions=1, unanswered=(1,), amendments=0, no_amendments=True, kind="国の行政機関")
    assert [rule for rule, _message in data_findings(facts)] == ["title", "published", "responses"]
    assert [rule for rule, _message in data_findings(LawFacts(**{**facts.__dict__, "kind": "市区町村"}))] == ["title", "responses"]


def test_the_setting_takes_a_list_a_set_or_nothing() -> None:
    from pubcomment.config import law_rules_setting

    assert law_rules_setting(None) is None
    assert law_rules_setting(("title", "opinions")) == ["title", "opinions"]
    assert law_rules_setting("body") == "body" and law_rules_setting("市区町村") == "市区町村"
    with pytest.raises(ValueError, match=r"not 'nationl' \(did you mean 'national'\?\)"):
        law_rules_setting("nationl")
    with pytest.raises(ValueError, match="must be a list of rule names"):
        law_rules_setting(3)
