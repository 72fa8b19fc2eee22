"""主な御意見だけを載せるとき: declared totals beside published rows (tests/roots/test-main-opinions).

A ministry-style 見本 (main opinions only, totals by method, in scope and out of
scope, out of scope as a count only) and a city-style 見本 (a summary, no rows:
「提出者数 205名・提出された意見数 225件」), built in HTML and LaTeX with -nW.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from tests.support.tools import ROOTS, sphinx_build

ROOT = ROOTS / "test-main-opinions"
NONE = "御意見の提出はありませんでした"

# What the ministry's page says, in order (its text, tags removed): the totals, the rows, their captions.
MINISTRY_TEXT = (
    "この意見募集には1,764通、50,416件の御意見が寄せられました（掲載した御意見は5件）。"
    " (1) 意見提出数 1,764通（内訳：電子政府の総合窓口 1,700通、郵送 64通）"
    " (2) 意見数 50,416件（うち本案件に関するもの25,565件、本案件外のもの24,851件）"
    " (3) 掲載した御意見 主な御意見 5件"
    " 掲載した御意見の内訳（意見の件数） ¶ 項目 計 ア 案の全体に関すること 4 イ 個別の規定に関すること 1 合計 5"
    " 掲載した御意見の内訳（意見の件数（項目別）） ¶"
    " 主な御意見と当省の考え方（ア 案の全体に関すること） ¶"
)


def text_of(page: Path) -> str:
    source = page.read_text(encoding="utf-8")
    body = source[source.index("<h1") : source.index('<div class="sphinxsidebar"')]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body))).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("main-opinions")
    sphinx_build("-b", "html", "-d", str(out / ".doctrees"), str(ROOT), str(out / "html"))
    return out / "html"


def test_the_declared_totals_are_the_counts_and_the_rows_are_captioned(built: Path) -> None:
    text = text_of(built / "ministry.html")
    assert MINISTRY_TEXT in text, text
    assert "主な御意見と当省の考え方（イ 個別の規定に関すること）" in text
    assert "本案件以外の御意見" not in text  # out of scope is a count only: no table
    assert "掲載した御意見の内訳（意見の件数（項目別））" in text  # pc-chart's caption says it counts the rows
    assert NONE not in text


def test_a_summary_without_rows_shows_its_totals_and_never_says_none(built: Path) -> None:
    text = text_of(built / "city.html")
    assert "(1) 提出者数 205名 (2) 提出された意見数 225件" in text, text
    assert NONE not in text and "掲載した御意見" not in text


def test_a_contradiction_never_says_none_were_submitted(tmp_path: Path) -> None:
    """declared 205/225 with no rows and no ``rows``: warned (pubcomment.count), and with the warning
    suppressed the page shows the row count, never beside 「御意見の提出はありませんでした」."""
    root = tmp_path / "root"
    shutil.copytree(ROOT, root)
    city = root / "city.md"
    city.write_text(city.read_text(encoding="utf-8").replace("rows: summary, ", ""), encoding="utf-8")
    with pytest.raises(AssertionError, match=r"declared opinions \(225件\) disagree with the data \(0件\)"):
        sphinx_build("-b", "html", "-d", str(tmp_path / "d1"), str(root), str(tmp_path / "warned"))
    conf = root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'suppress_warnings = ["pubcomment.count"]\n', encoding="utf-8")
    sphinx_build("-b", "html", "-d", str(tmp_path / "d2"), str(root), str(tmp_path / "html"))
    text = text_of(tmp_path / "html" / "city.html")
    assert "205名" in text and NONE not in text, text


def test_latex_has_the_totals(tmp_path: Path) -> None:
    sphinx_build("-b", "latex", "-d", str(tmp_path / ".doctrees"), str(ROOT), str(tmp_path / "latex"))
    (tex,) = (tmp_path / "latex").glob("*.tex")
    source = tex.read_text(encoding="utf-8")
    for shown in (
        "1,764通",
        "50,416件",
        "25,565件",
        "24,851件",
        "1,700通",
        "205名",
        "225件",
        "主な御意見と当省の考え方",
        "掲載した御意見の内訳",
    ):
        assert shown in source, shown
    assert NONE not in source
