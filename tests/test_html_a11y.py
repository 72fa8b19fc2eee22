"""The HTML writer overrides of pubcomment.html.a11y, without a browser."""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp


def page(app: SphinxTestApp, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_header_cells_have_scope(app: SphinxTestApp) -> None:
    app.build()
    soup = page(app)
    tables = soup.find_all("table")
    assert len(tables) == 4  # legend, opinions, amendments, the table in the text
    for th in soup.select("thead th"):
        assert th["scope"] == "col", th
    stubs = soup.select("tbody th")
    assert stubs and all(th["scope"] == "row" for th in stubs)  # the legend's letters


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_stacked_tables_label_every_cell(app: SphinxTestApp) -> None:
    app.build()
    soup = page(app)
    for table in soup.select("table.pc-opinions, table.pc-amendments"):
        assert "pc-stacked" in table["class"]
        assert table.parent.name == "div" and "pc-table-scroll" in table.parent["class"]
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            labels = [td.find(class_="pc-cell-label").get_text() for td in row.find_all("td")]
            assert labels == headers
    # Tables that do not stack carry no labels.
    assert not soup.select("table.pc-legend .pc-cell-label")


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_changed_text_is_announced(app: SphinxTestApp) -> None:
    app.build()
    soup = page(app)
    changed = soup.select(".pc-changed")
    assert len(changed) == 2
    for span in changed:
        first, last = span.contents[0], span.contents[-1]
        assert first.get_text() == "［変更箇所］" and "pc-visually-hidden" in first["class"]
        assert last.get_text() == "［変更箇所ここまで］" and "pc-visually-hidden" in last["class"]
    assert "下線部は変更箇所" in soup.get_text()


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_category_letter_is_explained(app: SphinxTestApp) -> None:
    app.build()
    link = page(app).select_one("table.pc-opinions a:has(.pc-category)")
    assert link.get_text() == "A（御意見を踏まえ、案を修正したもの）"
    assert link.find(class_="pc-visually-hidden").get_text() == "（御意見を踏まえ、案を修正したもの）"


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_toctree_caption_has_aria_level(app: SphinxTestApp) -> None:
    app.build()
    captions = page(app).select('p.caption[role="heading"]')
    assert captions  # in the body and in furo's sidebar
    assert all(caption.get("aria-level") == "2" for caption in captions)


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_theme_table_wrapper_is_a_named_region_with_unique_ids(app: SphinxTestApp) -> None:
    app.build()
    soup = page(app)
    wrapper = soup.select_one("div.table-wrapper")
    assert wrapper is not None and wrapper.find("table")["id"] == "named-table"
    assert wrapper.get("id") is None
    assert wrapper["tabindex"] == "0" and wrapper["role"] == "region" and wrapper["aria-label"] == "名前付きの表"
    ids = Counter(element["id"] for element in soup.find_all(id=True))
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_data_in_captions_stays_text(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<b>項目</b>" not in html
    caption = page(app).select_one("table.pc-opinions caption")
    assert '<b>項目</b> & "引用"' in caption.get_text()


@pytest.mark.sphinx("html", testroot="a11y", freshenv=True)
def test_sphinx_design_containers_keep_their_visitor(app: SphinxTestApp) -> None:
    """Our container override hands other containers to sphinx-design's visitor."""
    app.build()
    soup = page(app)
    cards = soup.select("div.pc-count-card")
    rows = soup.select("div.sd-row")
    assert cards and len(rows) == 2  # our result cards and a grid directive
    for element in [*cards, *rows]:
        assert "container" not in element["class"], element["class"]
