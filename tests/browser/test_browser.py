"""The built site in a real browser: accessibility, validity, phones, search.

The site is built once per session with ``make html`` into a temporary
directory, so every document and edition that ``make html`` publishes is
checked, and every HTML page in it (search and index pages included):

* axe-core, WCAG 2.0/2.1 A and AA rules, at desktop and phone width: no violation;
* the Nu Html Checker: no error;
* at 375×812 (and at 320 px, and with WCAG 1.4.12 text spacing) no page
  scrolls sideways;
* the results page: screenshots at 375 and 1280 px in tests/artifacts/,
  opinion tables stacked on phones;
* search.html finds the results page.

Debian's Chromium is driven by Playwright (never a downloaded browser);
axe-core and vnu.jar come from tests/browser/node_modules (``make test``
installs them from package-lock.json).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.support import a11y_checks as checks
from tests.support.tools import ROOT, require_tool

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "tests" / "artifacts"
RESULTS_PAGE = "results/index.html"


def _require(condition: bool, message: str) -> None:
    """Like require_tool, for what is not a command: fail under CI, else skip."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as ``make html`` publishes it (build/html, every edition), built once into a temporary directory."""
    build = tmp_path_factory.mktemp("build")
    # -o: never reinstall the virtual environment from here.
    completed = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", "html", f"BUILDDIR={build}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return build / "html"


@pytest.fixture(scope="session")
def pages(site: Path) -> list[Path]:
    found = checks.html_pages(site)
    assert site.joinpath(RESULTS_PAGE) in [site / p for p in found], found
    return found


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with checks.serve(site) as url:
        yield url


@pytest.fixture(scope="module")  # closed before other modules start their own Playwright
def browser() -> Iterator[Any]:
    chromium = require_tool("chromium", "the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "the browser tests need the Python package playwright (pip install -e '.[test]')")
    _require(checks.AXE_JS.is_file(), "axe-core is not installed: run `make test` (npm ci in tests/browser)")
    with sync_playwright() as playwright:
        browser = checks.launch(playwright, chromium)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=checks.PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=checks.DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def dark(browser: Any) -> Iterator[Any]:
    """A desktop whose reader prefers a dark colour scheme (furo follows it)."""
    context = browser.new_context(viewport=checks.DESKTOP, color_scheme="dark")
    yield context.new_page()
    context.close()


def _open(page: Any, base_url: str, name: Path | str) -> None:
    response = page.goto(base_url + Path(name).as_posix(), wait_until="load")
    assert response is not None and response.ok, f"{name}: {response and response.status}"


@pytest.mark.parametrize("width", ["desktop", "phone", "dark"])
def test_axe_wcag_aa_on_every_page(request: pytest.FixtureRequest, width: str, pages: list[Path], base_url: str) -> None:
    page = request.getfixturevalue(width)
    failures = []
    for name in pages:
        _open(page, base_url, name)
        violations = checks.axe_violations(page)
        if violations:
            failures.append(f"{name}:\n{checks.format_violations(violations)}")
    assert not failures, f"axe-core found WCAG 2.0/2.1 A/AA violations at {width} width:\n" + "\n".join(failures)


def test_nu_html_checker_on_every_page(site: Path, pages: list[Path]) -> None:
    java = require_tool("java", "the Nu Html Checker")
    _require(checks.VNU_JAR.is_file(), "vnu-jar is not installed: run `make test` (npm ci in tests/browser)")
    errors = checks.vnu_messages(site, pages, java)
    report = "\n".join(f"{name}:\n  " + "\n  ".join(messages) for name, messages in sorted(errors.items()))
    assert not errors, f"Nu Html Checker errors in {len(errors)} of {len(pages)} pages:\n{report}"


# WCAG 1.4.12: text stays readable with this much spacing.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } "
    "p { margin-bottom: 2em !important; }"
)


@pytest.mark.parametrize(
    ("width", "spacing"),
    [(375, False), (320, False), (375, True)],
    ids=["375px", "320px-reflow", "375px-text-spacing"],  # a phone; WCAG 1.4.10 reflow; WCAG 1.4.12
)
def test_no_page_scrolls_sideways_on_a_phone(browser: Any, width: int, spacing: bool, pages: list[Path], base_url: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": checks.PHONE["height"]}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    failures = []
    for name in pages:
        _open(phone, base_url, name)
        if spacing:
            phone.add_style_tag(content=TEXT_SPACING)
        result = checks.sideways_overflow(phone)
        if result["scrolls"]:
            failures.append(f"{name}: {result['scrollWidth']}px wide in {result['width']}px; sticks out: {result['culprits']}")
    context.close()
    assert not failures, f"pages scroll sideways at {width}px:\n" + "\n".join(failures)


_TABLE_LAYOUT = """() => [...document.querySelectorAll('table.pc-opinions')].map(t => {
  const row = t.tBodies[0].rows[0];
  const labels = [...row.querySelectorAll('.pc-cell-label')];
  return {
    id: t.id,
    tableWidth: t.getBoundingClientRect().width,
    rowDisplay: getComputedStyle(row).display,
    labelsShown: labels.filter(l => getComputedStyle(l).display !== 'none').length,
    cells: row.cells.length,
    theadHeight: t.tHead.getBoundingClientRect().height,
    summaryWidth: row.cells[1].getBoundingClientRect().width,
  };
})"""


def test_results_page_on_a_phone_and_a_desktop(phone: Any, desktop: Any, base_url: str) -> None:
    """Opinion tables stack on a phone and stay tables on a desktop; screenshots of both."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _open(phone, base_url, RESULTS_PAGE)
    phone.screenshot(path=str(ARTIFACTS / "results-375.png"), full_page=True)
    stacked = phone.evaluate(_TABLE_LAYOUT)
    assert stacked, "no opinion table on the results page"
    for table in stacked:
        assert table["rowDisplay"] == "grid", table  # one card per opinion
        assert table["labelsShown"] == table["cells"], table  # each cell says what it is
        assert table["theadHeight"] <= 1, table  # the header row is for screen readers only
        assert table["summaryWidth"] >= 300, table  # the texts get the full width
        assert table["tableWidth"] >= 330, table  # and so does the table (375px less the margins)
    phone.locator("table.pc-opinions").first.screenshot(path=str(ARTIFACTS / "results-375-opinions.png"))
    _open(desktop, base_url, RESULTS_PAGE)
    desktop.screenshot(path=str(ARTIFACTS / "results-1280.png"), full_page=True)
    for table in desktop.evaluate(_TABLE_LAYOUT):
        assert table["rowDisplay"] == "table-row", table
        assert table["labelsShown"] == 0, table


_CHANGED_VS_LINK = """() => {
  const changed = document.querySelector('.pc-changed');
  const link = document.querySelector('article a.reference:not(.headerlink)');
  const text = changed.closest('td, p');
  const style = (el) => { const s = getComputedStyle(el); return {
    color: s.color, line: s.textDecorationLine, thickness: s.textDecorationThickness, background: s.backgroundColor}; };
  return {changed: style(changed), link: style(link), text: style(text)};
}"""


def test_changed_text_does_not_look_like_a_link(desktop: Any, base_url: str) -> None:
    _open(desktop, base_url, RESULTS_PAGE)
    found = desktop.evaluate(_CHANGED_VS_LINK)
    changed, link, text = found["changed"], found["link"], found["text"]
    assert "underline" in changed["line"], found
    assert changed["color"] == text["color"], found  # the text's own colour …
    assert changed["color"] != link["color"], found  # … which is not the links' colour
    assert changed["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), found  # and a tint links lack


@pytest.mark.parametrize("query", ["ガバメントクラウド", "オンライン"])
def test_search_finds_the_results_page(desktop: Any, base_url: str, query: str) -> None:
    _open(desktop, base_url, "search.html")
    box = desktop.locator("form[action*='search'] input[name='q'], #searchbox input[name='q'], input[name='q']").first
    box.fill(query)
    box.press("Enter")
    desktop.wait_for_url("**/search.html?q=*")
    link = desktop.locator("#search-results a[href*='results/index.html']").first
    link.wait_for(timeout=15000)
    assert "results" in (link.get_attribute("href") or "")


def test_tables_and_changed_text_are_marked_up(site: Path, pages: list[Path]) -> None:
    """Captions, header scopes, explained category letters and changed text, in the HTML itself."""
    failures = []
    for name in pages:
        soup = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        for table in soup.find_all("table"):
            caption = table.find("caption")
            if caption is None or not caption.get_text(strip=True):
                failures.append(f"{name}: table {table.get('id')} has no caption")
            for th in table.find_all("th"):
                if th.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
                    failures.append(f"{name}: table {table.get('id')}: <th> without scope: {th.get_text(strip=True)[:30]}")
        changed = soup.select(".pc-changed")
        for span in changed:
            hidden = span.find_all(class_="pc-visually-hidden", recursive=False)
            if len(hidden) != 2 or span.contents[0] is not hidden[0] or span.contents[-1] is not hidden[-1]:
                failures.append(f"{name}: changed text without hidden 変更箇所 words: {span.get_text()[:30]}")
        if changed and "下線部は変更箇所" not in soup.get_text():
            failures.append(f"{name}: changed text but no 「下線部は変更箇所」")
        for badge in soup.select("a .pc-category"):
            explanation = badge.parent.find(class_="pc-visually-hidden")
            if explanation is None or not explanation.get_text(strip=True):
                failures.append(f"{name}: category letter {badge.get_text()} not explained")
    assert not failures, "\n".join(failures)
