"""pc-chart: a bar chart of the tally in every output, deterministic, readable without its font.

One small root (tests/roots/test-chart) built once per output: HTML twice
(-j 1 and -j 2, which must write the same bytes), LaTeX sources (the PDF is
not compiled: the sample site's PDF test does that) and an ePub for EPUBCheck.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from pubcomment.render import chart_image
from tests.support.tools import ROOTS, run_epubcheck, sphinx_build

ROOT = ROOTS / "test-chart"
CHARTS = ("pc-index-chart-topic", "pc-index-chart-category")


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The root's HTML output, built with -j 1 and with -j 2."""
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path_factory.mktemp(f"chart-html-j{jobs}")
        sphinx_build("-b", "html", "-j", jobs, "-d", str(out / ".doctrees"), str(ROOT), str(out / "html"))
        outputs.append(out / "html")
    return outputs[0], outputs[1]


def test_html_has_svg_charts_that_need_no_font(html: tuple[Path, Path]) -> None:
    for name in CHARTS:
        svg = (html[0] / "_images" / f"{name}.svg").read_text(encoding="utf-8")
        assert svg.startswith("<?xml") and "<svg" in svg
        assert "<text" not in svg  # text is drawn as paths: no font needed to show it
        assert "<!DOCTYPE" not in svg
        assert "Date" not in svg  # no build date in the file


def test_html_alt_text_states_the_counts(html: tuple[Path, Path]) -> None:
    page = (html[0] / "index.html").read_text(encoding="utf-8")
    alts = re.findall(r'<img alt="([^"]*)" src="_images/pc-index-chart-(\w+)\.svg"', page)
    assert dict((by, alt) for alt, by in alts) == {
        "topic": "意見の件数（項目別）の棒グラフ。ア 路線バスの維持に関することは13件（A 12件、B 1件）。"
        "イ 鉄道の利便性に関することは1件（B 1件）。本案件外のものは1件（B 1件）。",
        "category": "意見の件数（対応区分別）の棒グラフ。A　反映は12件。B　御意見の趣旨が案に沿ったものは3件。",
    }
    assert '<figure class="pc-chart' in page and "<figcaption>" in page


def test_parallel_build_writes_the_same_bytes(html: tuple[Path, Path]) -> None:
    one, two = html
    for relative in [f"_images/{name}.svg" for name in CHARTS] + ["index.html"]:
        assert (one / relative).read_bytes() == (two / relative).read_bytes(), relative


def test_drawing_is_byte_stable() -> None:
    chart = chart_image.Chart((chart_image.Bar("ア 一", (1, 2), "3件（A 1・B 2）"),), ("A", "B"), "件数")
    for fmt in ("svg", "pdf"):
        assert chart_image.draw(chart, fmt) == chart_image.draw(chart, fmt), fmt
    assert b"CreationDate" not in chart_image.draw(chart, "pdf")


def test_colours_contrast_with_the_background() -> None:
    for colour in chart_image.COLOURS:
        assert chart_image.contrast(colour, chart_image.BACKGROUND) >= 3, colour  # WCAG 1.4.11
    assert len(set(chart_image.HATCHES)) == len(chart_image.HATCHES)


def test_latex_includes_vector_pdfs(tmp_path: Path) -> None:
    sphinx_build("-b", "latex", "-d", str(tmp_path / ".doctrees"), str(ROOT), str(tmp_path / "latex"))
    tex = next((tmp_path / "latex").glob("*.tex")).read_text(encoding="utf-8")
    for name in CHARTS:
        assert f"\\sphinxincludegraphics{{{{{name}}}.pdf}}" in tex
        pdf = (tmp_path / "latex" / f"{name}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and b"/Type3" in pdf  # vector, its font embedded (Type 3 glyphs)
        assert b"/CreationDate" not in pdf


@pytest.mark.epub
def test_epub_with_charts_is_valid(tmp_path: Path) -> None:
    sphinx_build("-b", "epub", "-d", str(tmp_path / "doctrees"), str(ROOT), str(tmp_path / "epub"))
    epub = next((tmp_path / "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as package:
        assert {f"_images/{name}.svg" for name in CHARTS} <= set(package.namelist())
    result = run_epubcheck(epub)
    report = result.stdout + result.stderr
    assert re.search(r"Messages: 0 fatals / 0 errors / 0 warnings", report), report


def test_font_installed_after_matplotlibs_cache_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """make html installs a Japanese font on a fresh machine, after matplotlib
    cached its list of fonts: the font is found through fontconfig."""
    from matplotlib import font_manager

    expected = chart_image.japanese_font()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    assert chart_image.japanese_font() == expected


def test_dollar_signs_are_drawn_as_typed_not_as_mathematics() -> None:
    """``$…$`` in any text a chart draws (topic, value label, legend, axis) is text: no mathtext glyphs (DejaVu) in the SVG."""
    plain = chart_image.Chart((chart_image.Bar("見本 x", (1, 2), "計 3件 a"),), ("A alpha", "B"), "件数 n")
    assert b"DejaVu" not in chart_image.draw(plain, "svg")
    for bar, value, series, axis in [
        ("見本$x^2$", "計 3件", "A", "件数"),
        ("見本", "計 3件 $a_1$", "A", "件数"),
        ("見本", "計 3件", r"A $\alpha$", "件数"),
        ("見本", "計 3件", "A", r"件数 $\sum n$"),
    ]:
        chart = chart_image.Chart((chart_image.Bar(bar, (1, 2), value),), (series, "B"), axis)
        svg = chart_image.draw(chart, "svg")
        assert b"DejaVu" not in svg, (bar, value, series, axis)
