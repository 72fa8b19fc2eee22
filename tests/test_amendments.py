"""Amendments written in the data: underlined, citable, counted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from pubcomment.cli import main
from tests.support.pages import comparison_rows, html, normalized, side_text, warnings_of


@pytest.mark.sphinx("html", testroot="amendments", freshenv=True)
def test_data_amendments_are_underlined_like_the_plans(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    page = html(app)
    rows = comparison_rows(page)
    assert len(rows) == 3
    # Without {u} marks the token diff underlines the whole number, on both sides.
    assert [side_text(m) for m in rows[0][2].select("span.pc-changed")] == ["160,000"]
    assert [side_text(m) for m in rows[0][3].select("span.pc-changed")] == ["100,000"]
    # An explicit mark in either text wins: the other side is not diffed.
    assert [side_text(m) for m in rows[1][2].select("span.pc-changed")] == ["活用"]
    assert rows[1][3].select("span.pc-changed") == []
    # An addition is underlined whole; its before side is なし.
    assert [side_text(m) for m in rows[2][2].select("span.pc-changed")] == ["効果の図"]
    assert side_text(rows[2][3]) == "なし"
    assert normalized(page.select_one(".pc-changed-note").get_text()) == "※下線部は変更箇所"


@pytest.mark.sphinx("html", testroot="amendments", freshenv=True)
def test_opinions_cite_the_data_amendments_rows(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    page = html(app)
    related = page.select(".pc-related")
    assert [normalized(r.get_text("")) for r in related] == ["関連箇所：変更点1", "関連箇所：変更点3、変更点1"]
    assert [a["href"] for a in related[1].select("a")] == ["#pc-index-amendment-figure", "#pc-index-amendment-goal"]
    # Each cited row holds its anchor, in its number cell.
    for link in related[1].select("a"):
        target = page.find(id=link["href"][1:])
        assert target is not None and target.find_parent("table")["class"].count("pc-amendments") == 1
    numbers = [row[0].get_text(strip=True) for row in comparison_rows(page)]
    assert numbers == ["1", "2", "3"]
    assert page.find(id="pc-index-amendment-goal").find_parent("tr").select_one("td").get_text(strip=True) == "1"


BAD_DATA = [
    (7, "pubcomment.reference", "opinion 1 cites an unknown amendment 'no-such-amendment' (amendments: goal)"),
    (13, "pubcomment.amendment", "amendment id 'goal' is defined twice"),
    (13, "pubcomment.amendment", "the 'before' and 'after' texts of this amendment are the same"),
]


def test_check_finds_unknown_and_repeated_amendment_ids(rootdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = rootdir / "test-amendments-bad" / "data.yaml"
    assert main(["check", str(data)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert sorted(err) == sorted(f"{data}:{line}: {words} [{subtype}]" for line, subtype, words in BAD_DATA)


@pytest.mark.sphinx("html", testroot="amendments-bad", freshenv=True)
def test_the_build_warns_as_check_does(app: SphinxTestApp) -> None:
    app.build()
    found = sorted(re.sub(r"^.*?data\.yaml", "data.yaml", w) for w in warnings_of(app))
    assert found == sorted(f"data.yaml:{line}: WARNING: {words} [{subtype}]" for line, subtype, words in BAD_DATA)
    # The known id still links; the unknown one is left out.
    assert [normalized(r.get_text("")) for r in html(app).select(".pc-related")] == ["関連箇所：変更点1"]


@pytest.mark.sphinx("html", testroot="amendments", freshenv=True)
def test_the_number_of_amendments_in_a_sentence(app: SphinxTestApp) -> None:
    app.build()
    assert "変更点は3件です。" in html(app).get_text()


# A copy of its own (srcdir): the other tests of the root read its results.md as it is.
@pytest.mark.sphinx("html", testroot="plan", srcdir="plan-count", freshenv=True)
def test_the_plans_amendments_are_counted_without_data(app: SphinxTestApp) -> None:
    (app.srcdir / "results.md").write_text(
        (app.srcdir / "results.md").read_text(encoding="utf-8") + "\n修正箇所数は{pc-count}`amendments`です。\n", encoding="utf-8"
    )
    app.build()
    assert warnings_of(app) == []
    assert "修正箇所数は3件です。" in html(app, "results.html").get_text()
