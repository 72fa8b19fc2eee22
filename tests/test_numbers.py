"""A topic's opinions split over pages with ``:numbers:``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from tests.support.pages import warnings_of


def _page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def _numbers(soup: BeautifulSoup) -> list[str]:
    return [p.get_text(strip=True) for p in soup.select("table.pc-opinions tbody tr > :first-child p")]


@pytest.mark.sphinx("html", testroot="numbers", freshenv=True)
def test_each_page_shows_its_range(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    first, second, third, other = (_page(app, f"{name}.html") for name in ("a-1", "a-2", "a-3", "b"))
    assert _numbers(first) == ["1", "2", "3"]
    assert _numbers(second) == ["4"]
    assert _numbers(third) == ["5"]  # "5〜": to the end of the topic
    assert _numbers(other) == ["6", "7"]
    # The caption says which numbers the page holds; a table not split does not.
    assert first.select_one("table.pc-opinions .caption-text").get_text(strip=True).endswith("ア 計画全般に関すること（No.1〜3）")
    assert second.select_one("table.pc-opinions .caption-text").get_text(strip=True).endswith("（No.4）")
    assert "No." not in other.select_one("table.pc-opinions .caption-text").get_text()
    # The plan's section links back to each citing opinion on the page that holds it.
    links = [a["href"] for a in _page(app, "plan.html").select(".pc-backlinks a")]
    assert links == ["a-2.html#pc-index-opinion-4", "a-2.html#pc-index-opinion-4", "b.html#pc-index-opinion-6"]


@pytest.mark.sphinx("latex", testroot="numbers", freshenv=True)
def test_pages_of_a_split_table_have_their_own_labels_in_print(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count(r"\label{\detokenize{a-1:pc-index-opinions-a-1}}") == 1
    assert tex.count(r"\label{\detokenize{a-2:pc-index-opinions-a-4}}") == 1


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ("5-", [("index.md:3", "no opinion table", "opinions 4 of 'index'"), ("a-3.md:3", "another opinion table", "opinions 5 ")]),
        ("3-", [("a-2.md:3", "another opinion table", "opinions 3 "), ("a-3.md:3", "another opinion table", "opinions 5 ")]),
        ("9-", [("index.md:3", "no opinion table", "opinions 4 of 'index'"), ("a-2.md:3", "shows no opinion", "topic 'a'")]),
        ("4, 1", [("a-2.md:3", "another opinion table", "opinions 1 ")]),
        ("四から", [("a-2.md:3", "pubcomment.directive", "is not a range of opinion numbers")]),
    ],
)
def test_ranges_that_leave_out_or_repeat_opinions_warn(
    make_app, rootdir: Path, tmp_path: Path, numbers: str, expected: list[tuple[str, str, str]]
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-numbers", srcdir)
    page = srcdir / "a-2.md"
    page.write_text(page.read_text(encoding="utf-8").replace(":numbers: 4\n", f":numbers: {numbers}\n"), encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    found = warnings_of(app)
    assert len(found) == len(expected), found
    for location, words, more in expected:
        assert any(f"{location}:" in w and words in w and more in w and "[pubcomment." in w for w in found), (location, words, found)


def test_editing_one_opinion_rewrites_only_the_page_that_holds_it(rootdir: Path, tmp_path: Path) -> None:
    from sphinx.cmd.build import build_main

    srcdir, out = tmp_path / "src", tmp_path / "out"
    shutil.copytree(rootdir / "test-numbers", srcdir)
    assert build_main(["-q", "-b", "html", str(srcdir), str(out)]) == 0
    before = {page: (out / page).stat().st_mtime_ns for page in ("a-1.html", "a-2.html", "a-3.html", "b.html")}
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("第四の意見", "第四の意見（訂正）"), encoding="utf-8")
    assert build_main(["-q", "-b", "html", str(srcdir), str(out)]) == 0
    after = {page: (out / page).stat().st_mtime_ns for page in before}
    assert [page for page in before if after[page] != before[page]] == ["a-2.html"]
    assert "第四の意見（訂正）" in (out / "a-2.html").read_text(encoding="utf-8")
