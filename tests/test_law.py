"""What 行政手続法43条1項 requires of published results: the data that says it, and the check."""

from __future__ import annotations

import datetime as dt

import pytest
from sphinx.testing.util import SphinxTestApp

from pubcomment.core import loader
from test_directives import html, warnings_of
from test_plan import normalized


@pytest.mark.sphinx("html", testroot="law", freshenv=True)
def test_published_day_and_no_amendments_are_shown(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
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
        ("reference", 6, "opinion 1 cites an unknown amendment 'goal' (amendments: the data says there are none)")]


@pytest.mark.sphinx("html", testroot="plan", srcdir="plan-no-amendments", freshenv=True)
def test_no_amendments_while_the_plan_has_some_is_a_contradiction(app: SphinxTestApp) -> None:
    results = app.srcdir / "results.md"
    results.write_text(results.read_text(encoding="utf-8").replace("opinions:", "amendments: []\nopinions:")
                       .replace("    amendments: [target]\n", ""), encoding="utf-8")
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1 and "results.md:" in warnings[0] and "[pubcomment.amendment]" in warnings[0]
    assert "the plan has 3 pc-amendment(s)" in warnings[0]
    assert html(app, "results.html").select_one(".pc-no-amendments") is not None
