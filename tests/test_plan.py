"""The plan as the single source of the comparison (改定案からの変更点)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from tests.support.pages import assert_warnings, comparison_rows, normalized, side_text, warnings_of


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


def passage_text(page: BeautifulSoup, amendment_id: str) -> str:
    container = page.find(id=f"pc-amendment-{amendment_id}").find_parent("div", class_="pc-amendment")
    return normalized(container.get_text(""))


@pytest.mark.sphinx("html", testroot="plan", freshenv=True)
def test_final_edition_and_generated_comparison(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    plan, results = soup(app, "plan.html"), soup(app, "results.html")
    # The plan shows the final text, without the comparison's underlines.
    assert passage_text(plan, "target") == "・友だち登録者数 ⇒ 160,000 人 (令和 11 年度)"
    assert not plan.select(".pc-amendment .pc-changed")
    rows = comparison_rows(results)
    assert len(rows) == 3  # in plan order
    # 変更後 is exactly the final edition's text.
    assert side_text(rows[1][2]) == passage_text(plan, "target")
    # Explicit underlines win; otherwise the token diff underlines whole numbers.
    marks = [[side_text(m) for m in row[2].select(".pc-changed")] for row in rows]
    assert marks == [["自治体の AI の利用推進"], ["160,000"], ["略"]]
    # Locations are computed from the heading numbers and link to the place.
    locations = [row[2].select_one(".pc-location") for row in rows]
    assert [normalized(loc.get_text("")) for loc in locations] == [
        "（プラン本編 1(1)）",
        "（プラン本編 2(1)①ア）",
        "（プラン本編 2(1)①ア）",
    ]
    assert locations[1].select_one("a")["href"] == "plan.html#pc-amendment-target"
    assert side_text(rows[2][3]) == "なし"
    assert "進捗を踏まえたため" in rows[1][1].get_text()
    # Traceability: the opinion links to the section and the amendment; the
    # section links back to the opinion.
    related = results.select(".pc-related")[0]
    assert [a["href"] for a in related.select("a")] == ["plan.html#sec-goal", "#pc-results-amendment-target"]
    assert normalized(related.get_text("")) == "関連箇所：プラン本編 2(1)①ア、変更点2"
    backlinks = plan.select(".pc-backlinks")
    assert [b.get_text("", strip=True) for b in backlinks] == ["この箇所への御意見（1件）", "この箇所への御意見（1件）"]
    assert backlinks[1].select_one("a")["href"] == "results.html#pc-results-opinion-1"


@pytest.mark.sphinx("html", testroot="plan", freshenv=True, confoverrides={"pubcomment_edition": "draft"})
def test_draft_edition_matches_the_before_side(app: SphinxTestApp) -> None:
    app.build()
    plan, results = soup(app, "plan.html"), soup(app, "results.html")
    assert passage_text(plan, "target") == "・友だち登録者数 ⇒ 100,000 人 (令和 11 年度)"
    assert passage_text(plan, "list") == "第 4.0 版 AI・RPA の利用推進"
    rows = comparison_rows(results)
    assert side_text(rows[0][3]) == passage_text(plan, "list")
    assert side_text(rows[1][3]) == passage_text(plan, "target")
    assert "この文書は改定案です。" in plan.select_one(".pc-editions").get_text()


@pytest.mark.sphinx("latex", testroot="plan", freshenv=True)
def test_latex_locations_are_page_references(app: SphinxTestApp) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"プラン本編 P\pcPlanPage{\detokenize{plan:pc-amendment-target}}" in tex


@pytest.mark.sphinx("html", testroot="plan-bad", freshenv=True)
def test_bad_amendments_warn_at_their_lines(app: SphinxTestApp) -> None:
    app.build()
    assert_warnings(
        app,
        [
            ("index.md:3", "pubcomment.amendment", "the draft and final texts are the same"),
            ("index.md:23", "pubcomment.amendment", "amendment id 'twice' is already used"),
            ("index.md:36", "pubcomment.reference", "unknown plan section 'no-such-section'"),
            ("index.md:36", "pubcomment.reference", "unknown amendment 'no-such-amendment'"),
        ],
    )


def _build(srcdir: Path, outdir: Path, *extra: str) -> int:
    from sphinx.cmd.build import build_main

    return build_main(["-q", "-b", "html", *extra, str(srcdir), str(outdir)])


def test_incremental_edit_updates_the_comparison(tmp_path: Path, rootdir: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-plan", srcdir)
    out = tmp_path / "out"
    assert _build(srcdir, out) == 0
    plan_md = srcdir / "plan.md"
    plan_md.write_text(plan_md.read_text(encoding="utf-8").replace("160,000 人", "170,000 人"), encoding="utf-8")
    assert _build(srcdir, out) == 0  # no -E: only what changed and what depends on it
    rows = BeautifulSoup((out / "results.html").read_text(encoding="utf-8"), "html.parser").select("table.pc-amendments tbody tr")
    assert "170,000" in rows[1].get_text() and "160,000" not in rows[1].get_text()


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        status = _build(root / "source", out, "-c", str(root / "conf"), "-j", jobs, "-d", str(tmp_path / f"doctrees{jobs}"))
        assert status == 0
        outputs[jobs] = {page: (out / page).read_text(encoding="utf-8") for page in ("results/index.html", "plan/index.html", "index.html")}
    assert outputs["1"] == outputs["2"]


@pytest.mark.sphinx("html", testroot="plan-split", freshenv=True)
def test_back_links_find_each_topic_page(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    backlinks = soup(app, "plan.html").select_one(".pc-backlinks")
    assert [a["href"] for a in backlinks.select("a")] == [
        "topic-a.html#pc-split-opinion-1",
        "topic-a.html#pc-split-opinion-1",
        "topic-b.html#pc-split-opinion-2",
    ]
