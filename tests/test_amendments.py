"""Amendments written in the data: underlined, citable, counted."""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp

from test_directives import html, warnings_of
from test_plan import comparison_rows, normalized, side_text


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
