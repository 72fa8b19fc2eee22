"""pc-chart: a bar chart of the tally in every output, deterministic, readable without its font.

One small root (tests/roots/test-chart) built once per output: HTML twice
(-j 1 and -j 2, which must write the same bytes), LaTeX sources (the PDF is
not compiled: the sample site's PDF test does that) and an ePub for EPUBCheck.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

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


def chart_root(tmp_path: Path, topics: int, long_title: str = "") -> Path:
    """The chart root with ``topics`` topics of one opinion each (and one of ``long_title``)."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    titles = [f"見本の項目{i}" for i in range(topics)] + ([long_title] if long_title else [])
    lines = ["# 見本", "", "```{pc-consultation}", "title: 見本", "body: {name: 見本市}", "period: {start: 2026-01-05, end: 2026-02-04}"]
    lines += ["categories:", "- {key: A, description: 見本の区分}", "topics:"]
    lines += [f"- {{id: t{i}, title: {title}}}" for i, title in enumerate(titles)]
    lines += ["opinions:", *(f"- {{topic: t{i}, category: A, summary: 見本, response: 見本}}" for i in range(len(titles)))]
    lines += ["```", "", "```{pc-chart}", "```", ""]
    (srcdir / "index.md").write_text("\n".join(lines), encoding="utf-8")
    return srcdir


def chart_warnings(app: Any) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def test_a_chart_of_too_many_bars_is_not_drawn_and_says_so(make_app: Any, tmp_path: Path) -> None:
    """2,000 topics: one pubcomment.chart warning, no image TeX cannot measure (pc-tally has the counts)."""
    app = make_app("latex", srcdir=chart_root(tmp_path, 2000), freshenv=True)
    app.build()
    warnings = chart_warnings(app)
    assert len(warnings) == 1 and "2,000 bars are too many for one chart" in warnings[0] and "[pubcomment.chart]" in warnings[0], warnings
    assert not list(Path(app.outdir).glob("pc-index-chart-*.pdf"))
    assert "sphinxincludegraphics" not in next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")


def test_a_chart_taller_than_two_pages_is_printed_in_parts(make_app: Any, tmp_path: Path) -> None:
    """Each part at most a page tall; a 10,000-character topic title is cut to six lines with …, and both are warned."""
    app = make_app("latex", srcdir=chart_root(tmp_path, 40, long_title="見本の長い項目名" * 1250), freshenv=True)
    app.build()
    warnings = chart_warnings(app)
    assert len(warnings) == 2 and all("[pubcomment.chart]" in w for w in warnings), warnings
    assert any("1 of the chart's labels are longer than it shows" in w for w in warnings), warnings
    (split,) = (w for w in warnings if "more than a page" in w)
    parts = int(re.search(r"print shows it in (\d+) parts", split).group(1))  # type: ignore[union-attr]
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    names = re.findall(r"\\sphinxincludegraphics\{\{(pc-index-chart-topic(?:-\d+)?)\}\.pdf\}", tex)
    assert names == ["pc-index-chart-topic", *(f"pc-index-chart-topic-{n}" for n in range(2, parts + 1))] and parts > 2
    for name in names:
        assert (Path(app.outdir) / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    for needed in re.findall(r"\\Needspace\{\\dimexpr([\d.]+)in", tex):
        assert float(needed) <= 8.0


def test_split_parts_are_at_most_the_height_asked() -> None:
    bars = tuple(chart_image.Bar(f"見本{i}", (1,), "1件") for i in range(50))
    chart = chart_image.Chart(bars, ("A",), "件数")
    parts = chart_image.split(chart, 8.0)
    assert sum(len(part.bars) for part in parts) == 50 and [b for part in parts for b in part.bars] == list(bars)
    assert all(chart_image.height_inches(part) <= 8.0 for part in parts)
