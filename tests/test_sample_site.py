"""The sample site: every fact of the Kawasaki results, built without a warning."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parent.parent


def build(outdir: Path, *extra: str) -> int:
    args = ["-nW", "--keep-going", "-q", "-b", "html", *extra, "-c", str(ROOT / "conf"), str(ROOT / "source"), str(outdir)]
    return build_main(args)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("site")
    assert build(outdir / "final") == 0
    assert build(outdir / "draft", "-t", "draft") == 0
    return outdir


def page(site: Path, edition: str, name: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / edition / name).read_text(encoding="utf-8"), "html.parser")
    for hidden in soup.select(".pc-visually-hidden, .pc-cell-label, a.headerlink"):
        hidden.decompose()
    return soup


def text_of(node) -> str:
    return " ".join(node.get_text("").split())


def test_results_page_holds_the_seed_facts(site: Path) -> None:
    results = page(site, "final", "results/index.html")
    text = text_of(results)
    for fact in (
        "その結果、4通10件の御意見をいただきましたので",
        "令和7年12月3日（水）から令和8年1月5日（月）まで",
        "意見提出フォーム、郵送、FAX、持参",
        "市政だより、市ホームページ、かわさき情報プラザ、各区役所市政資料コーナー、支所・出張所、市民館、図書館（分館含む）、総務企画局デジタル化施策推進室にて資料閲覧",
        "令和8年3月 「川崎市 DX 推進プラン」改定",
        "※その他用語・用字の修正など、所要の整備を行っています。",
    ):
        assert fact in text, fact
    headings = [text_of(h) for h in results.select("section > h2")]
    assert headings == ["1 経過", "2 意見募集の概要", "3 結果の概要", "4 御意見の内容と対応", "5 改定案からの変更点", "6 今後の予定"]
    cards = [text_of(p) for p in results.select(".pc-count-card")]
    assert cards == ["(1) 意見提出数 4通", "(2) 意見数 10件"]
    tally = [[text_of(c) for c in tr.select("th, td")] for tr in results.select("table.pc-tally tr")]
    assert tally == [
        ["項目", "A", "B", "C", "D", "E", "計"],
        ["ア プランの取組の方向性に関すること", "0", "5", "0", "3", "0", "8"],
        ["イ プランのその他全般に関すること", "0", "1", "0", "0", "0", "1"],
        ["ウ その他の個別の取組に関すること", "0", "0", "1", "0", "0", "1"],
        ["合計", "0", "6", "1", "3", "0", "10"],
    ]
    legend = [[text_of(c) for c in tr.select("th, td")] for tr in results.select("table.pc-legend tbody tr")]
    assert [row[0] for row in legend] == ["A", "B", "C", "D", "E"]
    assert legend[1][1] == "御意見の趣旨が案に沿ったものであり、御意見の趣旨を踏まえ、取組を推進するもの"
    rows = [tr.select("td, th") for tr in results.select("table.pc-opinions tbody tr")]
    assert [text_of(r[0]) for r in rows] == [str(n) for n in range(1, 11)]
    assert [text_of(r[3]) for r in rows] == list("DBBBBDBDBC")
    assert text_of(rows[0][1]).startswith("障害関連の手続が一切 DX 化されていない。")
    assert text_of(rows[9][2]).endswith("様々な手法について調査研究を進めてまいります。")
    assert "※LGWAN とは、国・自治体間で行政情報を安全にやり取りするための閉域ネットワークのこと。" in text_of(rows[3][1])
    assert "Information & Communications Technology" in text_of(rows[7][1])
    captions = [text_of(c) for c in results.select("table.pc-opinions caption")]
    assert captions == ["ア プランの取組の方向性に関すること", "イ プランのその他全般に関すること", "ウ その他の個別の取組に関すること"]


SEED_UNDERLINES = [
    (
        [
            "地方公共団体情報システムの標準化、「国・地方デジタル共通基盤の整備・運用に関する基本方針」に基づく共通化等の推進",
            "自治体の AI の利用推進",
        ],
        ["自治体情報システムの標準化・共通化", "AI・RPA の利用推進"],
    ),
    (
        [
            "社会課題や行政課題の解決に向けて、デジタル技術の動向を注視し適宜適切なデジタル技術を活用する。",
            "社会課題や行政課題の解決に向けては、デジタル技術を効果的に活用することが求められるとともに、"
            "AI をはじめとした、進歩が速いデジタル技術を効果的に使いこなすため、"
            "デジタル技術の進歩や普及の動向を注視し、広い視野と柔軟な思考で常に情報のアップデートを図ることが求められます。また、高い効果が期待できるデジタル技術を選定し"
            "効果的に課題解決を図るため、民間の知見等も積極的に活用していくことが必要です。",
        ],
        ["情報収集を積極的に行うなど、適切な活用につなげていくことが求められます。"],
    ),
    (["160,000 人"], ["100,000 人"]),
    (["略"], []),
]


def test_comparison_reproduces_the_seed(site: Path) -> None:
    results = page(site, "final", "results/index.html")
    rows = [tr.select("td") for tr in results.select("table.pc-amendments tbody tr")]
    assert len(rows) == 4
    for row, (after, before) in zip(rows, SEED_UNDERLINES, strict=True):
        assert [text_of(u) for u in row[2].select(".pc-changed")] == after
        assert [text_of(u) for u in row[3].select(".pc-changed")] == before
    locations = [text_of(row[2].select_one(".pc-location")) for row in rows]
    assert locations == ["（プラン本編 2(2)）", "（プラン本編 4(2)）", "（プラン本編 4(3)①エ）", "（プラン本編 4(3)④）"]
    assert text_of(rows[3][3]) == "なし"
    assert text_of(rows[2][1]) == "取組の進捗状況を踏まえ、「4 (3) 取組の方向性」①エの「計画期間内の目標」の目標値を修正"


def test_both_editions_of_the_plan(site: Path) -> None:
    final, draft = page(site, "final", "plan/index.html"), page(site, "draft", "plan/index.html")
    assert "⇒ 160,000 人 (令和 11 (2029) 年度)" in text_of(final)
    assert "⇒ 100,000 人 (令和 11 (2029) 年度)" in text_of(draft)
    assert "第 5.0 版" in text_of(final) and "第 4.0 版" not in text_of(final)
    assert "第 4.0 版" in text_of(draft) and "第 5.0 版" not in text_of(draft)
    assert final.select_one("img[alt^='見本の図']") is not None and draft.select_one("img[alt^='見本の図']") is None
    assert "この文書は見本です" in text_of(final)
    landing = page(site, "final", "index.html")
    assert [a["href"] for a in landing.select(".pc-editions a")] == ["plan/index.html", "draft/plan/index.html"]


@pytest.fixture(scope="module")
def large_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("large")
    (project / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "pubcomment"]\nlanguage = "ja"\n'
        "pubcomment_law_rules = []  # the size, not the completeness of the results\n",
        encoding="utf-8",
    )
    (project / "index.md").write_text(
        "# 大規模\n\n```{pc-consultation}\n:file: data.yaml\n```\n\n```{pc-tally}\n```\n\n```{pc-opinions}\n```\n", encoding="utf-8"
    )
    rng = random.Random(7)
    words = ["行政手続", "オンライン化", "マイナンバーカード", "スマートフォン教室", "ガバメントクラウド", "デジタル人材", "推進", "検討"]
    lines = [
        "title: 大規模な意見募集",
        "body: {name: 見本市}",
        "period: {start: 2025-12-03, end: 2026-01-05}",
        "categories: [{key: A, description: 反映}, {key: B, description: 推進}, {key: C, description: 参考}]",
        "topics: [{id: t1, title: 全般}, {id: t2, title: 個別}]",
        "opinions:",
    ]
    for number in range(1, 10_001):
        summary = "、".join(rng.choice(words) for _ in range(12)) + "を求める。"
        lines += [
            f"  - no: {number}",
            f"    topic: t{rng.randint(1, 2)}",
            f"    category: {rng.choice('ABC')}",
            f"    summary: {summary}",
            "    response: |",
            f"      {summary}",
            "",
            "      引き続き検討してまいります。",
        ]
    (project / "data.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


def test_ten_thousand_opinions_build(large_project: Path, tmp_path: Path) -> None:
    # singlehtml resolves and writes every table but builds no search index,
    # whose speed is the subject of bench/, not of this test.
    status = build_main(["-nW", "-q", "-b", "singlehtml", str(large_project), str(tmp_path / "out")])
    assert status == 0
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="pc-category') == 10_000
    assert "pc-index-opinion-10000" in html


@pytest.mark.parametrize(
    ("name", "directory"),
    [
        ("results/index.html", "results"),
        ("samples/prefecture/index.html", "samples-prefecture"),
        ("samples/town/index.html", "samples-town"),
    ],
)
def test_results_pages_link_their_open_data(site: Path, name: str, directory: str) -> None:
    import frictionless

    for edition in ("final", "draft"):
        links = [a["href"] for a in page(site, edition, name).select(".pc-downloads a")]
        assert [href.rsplit("/", 1)[1] for href in links] == ["opinions.csv", "opinions-utf8.csv", "consultation.json", "datapackage.json"]
        for href in links:
            assert isinstance(href, str), href  # href is not a multi-valued attribute
            target = (site / edition / name).parent / href
            assert target.resolve().parent == (site / edition / "opendata" / directory).resolve(), href
            assert target.is_file(), href
    report = frictionless.validate(str(site / "final" / "opendata" / directory / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_site_publishes_the_schema_of_the_data(site: Path) -> None:
    from pubcomment.core.jsonschema import schema_text

    for edition in ("final", "draft"):
        assert (site / edition / "_static" / "pubcomment.schema.json").read_text(encoding="utf-8") == schema_text()


def test_the_list_of_consultations(site: Path) -> None:
    import xml.etree.ElementTree as ET

    listing = page(site, "final", "consultations.html")
    rows = [[text_of(c) for c in tr.select("th, td")] for tr in listing.select("table.pc-index tr")]
    assert rows[0] == ["件名", "意見の募集期間", "状況", "意見提出数・意見数", "案・計画"]
    assert [row[0][:8] for row in rows[1:]] == ["川崎市 DX 推", "見本町立図書館の", "見本県地域公共交"]  # newest period first
    assert rows[1][2:] == ["結果公表済み", "4通10件", "川崎市 DX 推進プラン"]
    assert [text_of(c) for c in listing.select("table.pc-index caption")] == ["令和7年度"]
    links = [a["href"] for a in listing.select("table.pc-index a")]
    assert links == ["results/index.html", "plan/index.html", "samples/town/index.html", "samples/prefecture/index.html"]
    # The choices are links to parts of the page (no JavaScript).
    for a in listing.select(".pc-index-choices a"):
        assert listing.find(id=a["href"][1:]) is not None, a["href"]
    feed = ET.fromstring((site / "final" / "results.atom").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)] == [
        "results/index.html",
        "samples/town/index.html",
        "samples/prefecture/index.html",
    ]
    for entry in feed.findall("a:entry", ns):
        href = entry.find("a:link", ns).get("href")
        assert href is not None
        assert (site / "final" / href).is_file()


def test_the_list_reckons_the_status_on_the_day_set(tmp_path: Path) -> None:
    assert build(tmp_path, "-D", "pubcomment_today=2025-06-15") == 0
    listing = page(tmp_path, "", "consultations.html")
    status = {text_of(tr.select("td")[0])[:3]: text_of(tr.select("td")[2]) for tr in listing.select("table.pc-index tbody tr")}
    assert status == {"川崎市": "募集予定", "見本町": "募集予定", "見本県": "意見募集中"}
    assert [text_of(r) for r in listing.select(".pc-index-status")] == ["募集予定の意見募集", "意見募集中の意見募集"]
    assert not listing.select(".pc-index-feed")  # nothing published yet
    feed = (tmp_path / "results.atom").read_text(encoding="utf-8")
    assert "<entry>" not in feed and "<updated>2025-06-15T00:00:00+09:00</updated>" in feed
