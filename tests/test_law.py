"""What 行政手続法43条1項 requires of published results: the data that says it, and the check."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO

import pytest
from sphinx.testing.util import SphinxTestApp

from pubcomment.config import get_config
from pubcomment.core import loader
from pubcomment.core.law import RULES
from tests.support.pages import html, normalized, warnings_of


@pytest.mark.sphinx("html", testroot="law", freshenv=True)
def test_published_day_and_no_amendments_are_shown(app: SphinxTestApp) -> None:
    app.build()
    assert not [w for w in warnings_of(app) if "complete.md" in w]
    page = html(app, "complete.html")
    rows = [[normalized(c.get_text("")) for c in tr.select("th, td")] for tr in page.select("table.pc-overview tr")]
    assert rows[0] == ["(1) 案の公示日", "令和7年12月3日（水）"]
    assert rows[1][0] == "(2) 意見の募集期間"
    # amendments: [] says the draft was not changed: a sentence, no table, no note on underlines.
    assert normalized(page.select_one(".pc-no-amendments").get_text()) == "改定案からの変更はありません。"
    assert not page.select("table.pc-amendments") and not page.select(".pc-changed-note")
    assert "修正箇所数は0件です。" in page.get_text()


DATA = "title: t\nbody: {name: 市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\n"


def test_published_and_no_amendments_in_the_data() -> None:
    loaded = loader.load_text(DATA + "published: 2025-12-03\namendments: []\n")
    assert loaded.problems == ()
    assert loaded.consultation.published == dt.date(2025, 12, 3) and loaded.consultation.no_amendments
    # Not given, or given with rows: not "none".
    for text in (DATA, DATA + "amendments:\n", DATA + "amendments:\n  - {summary: s, after: a}\n"):
        assert not loader.load_text(text).consultation.no_amendments
    assert loader.load_text(DATA).consultation.published is None
    bad = loader.load_text(DATA + "published: 2025-13-01\n")
    assert [(p.subtype.value, p.line) for p in bad.problems] == [("date", 4)]


def test_no_amendments_leaves_nothing_to_cite() -> None:
    loaded = loader.load_text(DATA + "amendments: []\nopinions:\n  - {summary: s, response: r, amendments: [goal]}\n")
    assert [(p.subtype.value, p.line, p.message) for p in loaded.problems] == [
        ("reference", 6, "opinion 1 cites an unknown amendment 'goal' (amendments: the data says there are none)")
    ]


@pytest.mark.sphinx("html", testroot="plan", srcdir="plan-no-amendments", freshenv=True)
def test_no_amendments_while_the_plan_has_some_is_a_contradiction(app: SphinxTestApp) -> None:
    results = app.srcdir / "results.md"
    results.write_text(
        results.read_text(encoding="utf-8")
        .replace("opinions:", "plan: 見本プラン\namendments: []\nopinions:")
        .replace("    amendments: [target]\n", ""),
        encoding="utf-8",
    )
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1 and "results.md:" in warnings[0] and "[pubcomment.amendment]" in warnings[0]
    assert "the plan has 3 pc-amendment(s)" in warnings[0]
    assert html(app, "results.html").select_one(".pc-no-amendments") is not None


# The warnings of the test-law root with every rule: (file:line, words).
EVERY_RULE = [
    ("bare.md:5", "pubcomment.required", "needs a non-empty 'title'"),
    ("bare.md:12", "pubcomment.required", "opinion 2 needs a non-empty 'response'"),
    ("bare.md:3", "pubcomment.law", "no title (題名): give 'title' in the data (行政手続法43条1項; rule 'title'"),
    ("bare.md:3", "pubcomment.law", "(公示日) is not in the data: add 'published: YYYY-MM-DD' (行政手続法43条1項; rule 'published'"),
    ("bare.md:3", "pubcomment.law", "no document of the results has pc-opinions (行政手続法43条1項; rule 'opinions'"),
    ("bare.md:3", "pubcomment.law", "opinions 2 have no response (考え方 and its reasons) (行政手続法43条1項; rule 'responses'"),
    ("bare.md:3", "pubcomment.law", "no document of the results has pc-amendments (with 'amendments: []' in the data if there are none)"),
    ("none.md:3", "pubcomment.law", "(公示日) is shown by pc-overview, which no document of the results has"),
    ("none.md:3", "pubcomment.law", "pc-amendments has no amendment to show: if the draft was not changed, say so with 'amendments: []'"),
    # Every opinion in a table is asked always, not as a law rule (checks/coverage.py).
    ("topics.md:3", "pubcomment.coverage", "opinions 2-3 of 'topics' are in no opinion table: no pc-opinions shows their topic"),
]


def law_warnings(app: SphinxTestApp) -> list[str]:
    return [re.sub(r"^.*?/law(-typo)?/", "", w).replace(": WARNING: ", ": ") for w in warnings_of(app)]


def assert_found(app: SphinxTestApp, expected: list[tuple[str, str, str]]) -> None:
    found = law_warnings(app)
    for location, subtype, words in expected:
        assert any(w.startswith(location + ":") and w.endswith(f"[{subtype}]") and words in w for w in found), (location, words, found)
    assert len(found) == len(expected), found


@pytest.mark.sphinx("html", testroot="law", freshenv=True, confoverrides={"pubcomment_law_rules": list(RULES)})
def test_every_rule_fires_where_the_results_lack_it(app: SphinxTestApp) -> None:
    app.build()
    # complete.md has everything; none.md says there were no opinions; topics.md
    # has its 公示日 shown and says the draft was not changed.
    assert_found(app, EVERY_RULE)
    none = html(app, "none.html")
    assert normalized(none.select_one(".pc-no-opinions").get_text()) == "意見の募集に対し、御意見の提出はありませんでした。"
    assert not none.select("table.pc-opinions")


@pytest.mark.sphinx("html", testroot="law", freshenv=True, confoverrides={"pubcomment_law_rules": ["title", "responses"]})
def test_a_site_chooses_its_rules(app: SphinxTestApp) -> None:
    app.build()
    # Without the 'opinions' rule, 'responses' says that the table is missing.
    assert_found(
        app,
        [
            *EVERY_RULE[:3],
            EVERY_RULE[5],
            ("bare.md:3", "pubcomment.law", "the responses (考え方) are not published: no document of the results has pc-opinions"),
            EVERY_RULE[9],  # an opinion in no table, whatever the rules
        ],
    )


@pytest.mark.sphinx("html", testroot="law", freshenv=True, confoverrides={"pubcomment_law_rules": []})
def test_no_rules_no_check(app: SphinxTestApp) -> None:
    app.build()
    assert_found(app, [*EVERY_RULE[:2], EVERY_RULE[9]])  # an opinion in no table is no law rule: always said


@pytest.mark.sphinx("html", testroot="law", freshenv=True)
def test_a_site_that_says_nothing_gets_no_law_warning(app: SphinxTestApp) -> None:
    """Every rule came after the first release: unset, none fails a build (pubcomment check --law reports them)."""
    app.build()
    assert get_config(app.config).law_rules is None
    assert_found(app, [*EVERY_RULE[:2], EVERY_RULE[9]])  # but an opinion in no table is always said


# The rules of a 市区町村 (見本市 in every document): title, opinions and responses, from 条例・要綱.
LOCAL = [(where, subtype, words.replace("行政手続法43条1項", "条例・要綱")) for where, subtype, words in EVERY_RULE]


@pytest.mark.sphinx("html", testroot="law", freshenv=True, confoverrides={"pubcomment_law_rules": "body"})
def test_the_rules_of_the_body_s_kind(app: SphinxTestApp) -> None:
    app.build()
    assert_found(app, [*LOCAL[:3], *LOCAL[4:6], LOCAL[9]])


@pytest.mark.sphinx("html", testroot="law", freshenv=True, confoverrides={"pubcomment_law_rules": "national"})
def test_a_named_rule_set(app: SphinxTestApp) -> None:
    app.build()
    assert_found(app, EVERY_RULE)


@pytest.mark.sphinx("html", testroot="law", srcdir="law-typo", freshenv=True)
def test_an_unknown_rule_is_named_with_the_nearest(app: SphinxTestApp) -> None:
    conf = app.srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'pubcomment_law_rules = ["title", "publshed"]\n', encoding="utf-8")
    status, warning = app._status, app._warning
    assert isinstance(status, StringIO) and isinstance(warning, StringIO)
    app = SphinxTestApp("html", srcdir=app.srcdir, freshenv=True, status=status, warning=warning)
    try:
        app.build()
        config = [w for w in law_warnings(app) if "[pubcomment.config]" in w]
        assert config == [
            "conf.py:4: pubcomment_law_rules has an unknown rule 'publshed' (did you mean 'published'?); it is ignored [pubcomment.config]"
        ]
        assert get_config(app.config).law_rules == ["title"]
        assert [w for w in law_warnings(app) if "[pubcomment.law]" in w] == [
            f"{EVERY_RULE[2][0]}: the results have no title (題名): give 'title' in the data "
            "(行政手続法43条1項; rule 'title' of pubcomment_law_rules) [pubcomment.law]"
        ]
    finally:
        app.cleanup()


@pytest.mark.sphinx("html", testroot="scope-in", freshenv=True)
def test_opinions_out_of_scope_with_no_table_are_said(app: SphinxTestApp) -> None:
    """A table of the opinions in scope only, and none for the rest: they would vanish from the page in silence."""
    app.build()
    found = law_warnings(app)
    assert len(found) == 1 and "index.md:3" in found[0] and "[pubcomment.coverage]" in found[0], found
    assert "opinions 2 of 'index' are in no opinion table" in found[0]
