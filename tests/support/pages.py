"""An HTML page and a build's warnings, as the tests read them."""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp


def html(app: SphinxTestApp, page: str = "index.html") -> BeautifulSoup:
    """The page as a reader sees it: words only screen readers hear are removed."""
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
    for hidden in soup.select(".pc-visually-hidden, .pc-cell-label, a.headerlink"):
        hidden.decompose()
    return soup


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def assert_warnings(app: SphinxTestApp, expected: list[tuple[str, str, str]]) -> None:
    """Exactly the expected warnings: (``file:line``, ``type.subtype``, words), any order."""
    found = [re.sub(r"^.*?index\.md", "index.md", w) for w in warnings_of(app)]
    for location, subtype, words in expected:
        assert any(w.startswith(location + ":") and f"[{subtype}]" in w and words in w for w in found), (location, subtype, words, found)
    assert len(found) == len(expected), found
    assert "Traceback" not in app.warning.getvalue()


def normalized(text: str) -> str:
    return " ".join(text.split())


def side_text(cell: Any) -> str:
    """A comparison cell without its location line and hidden words."""
    cell = BeautifulSoup(str(cell), "html.parser")
    for removable in cell.select(".pc-location, .pc-visually-hidden, .pc-cell-label"):
        removable.decompose()
    return normalized(cell.get_text(""))


def comparison_rows(page: BeautifulSoup) -> list[list[Any]]:
    return [tr.select("td") for tr in page.select("table.pc-amendments tbody tr")]
