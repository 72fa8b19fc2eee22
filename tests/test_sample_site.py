"""The sample site builds cleanly, and large data builds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parent.parent


def test_sample_site_builds_without_warnings(tmp_path: Path) -> None:
    status = build_main(["-nW", "--keep-going", "-q", "-b", "html", "-c", str(ROOT / "conf"), str(ROOT / "source"), str(tmp_path / "html")])
    assert status == 0
    page = (tmp_path / "html" / "results" / "index.html").read_text(encoding="utf-8")
    for fact in ("令和7年12月3日（水）から令和8年1月5日（月）まで", "4通", "10件", "令和8年3月", "ゼロトラストアーキテクチャとは"):
        assert fact in page


@pytest.fixture(scope="module")
def large_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("large")
    (project / "conf.py").write_text('extensions = ["myst_parser", "sphinx_design", "pubcomment"]\nlanguage = "ja"\n', encoding="utf-8")
    (project / "index.md").write_text("# 大規模\n\n```{pc-consultation}\n:file: data.yaml\n```\n\n```{pc-tally}\n```\n\n```{pc-opinions}\n```\n", encoding="utf-8")
    rng = random.Random(7)
    words = ["行政手続", "オンライン化", "マイナンバーカード", "スマートフォン教室", "ガバメントクラウド", "デジタル人材", "推進", "検討"]
    lines = ["title: 大規模な意見募集", "body: {name: 見本市}", "period: {start: 2025-12-03, end: 2026-01-05}",
             "categories: [{key: A, description: 反映}, {key: B, description: 推進}, {key: C, description: 参考}]",
             "topics: [{id: t1, title: 全般}, {id: t2, title: 個別}]", "opinions:"]
    for number in range(1, 10_001):
        summary = "、".join(rng.choice(words) for _ in range(12)) + "を求める。"
        lines += [f"  - no: {number}", f"    topic: t{rng.randint(1, 2)}", f"    category: {rng.choice('ABC')}",
                  f"    summary: {summary}", "    response: |", f"      {summary}", "", "      引き続き検討してまいります。"]
    (project / "data.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


def test_ten_thousand_opinions_build(large_project: Path, tmp_path: Path) -> None:
    # singlehtml resolves and writes every table but builds no search index,
    # whose speed is the subject of bench/, not of this test.
    status = build_main(["-nW", "-q", "-b", "singlehtml", str(large_project), str(tmp_path / "out")])
    assert status == 0
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="pc-category') == 10_000
    assert "pc-index-opinion-10000" in page
