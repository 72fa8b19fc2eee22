"""The directives end to end: resolved doctrees, HTML and warnings."""

from __future__ import annotations

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from pubcomment.html.deferred_rows import deferred_rows, expand_deferred_rows
from pubcomment.nodes import pubcomment_deferred_rows
from pubcomment.render.safe_markdown import searchable
from tests.support.pages import assert_warnings, html, warnings_of


def resolved(app: SphinxTestApp, docname: str = "index") -> str:
    """The doctree the HTML page is written from, long tables' rows included."""
    doctree = app.env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
    expand_deferred_rows(app.builder, doctree)
    return doctree.pformat()


@pytest.mark.sphinx("html", testroot="basic")
def test_basic_doctree_snapshot(app: SphinxTestApp, file_regression) -> None:
    app.build()
    assert warnings_of(app) == []
    snapshot = resolved(app).replace(str(app.srcdir), "SRCDIR")
    file_regression.check(snapshot, extension=".xml", encoding="utf-8")


@pytest.mark.sphinx("html", testroot="basic")
def test_html_rows_are_built_by_the_writer(app: SphinxTestApp) -> None:
    """For HTML the resolved doctree holds the opinion rows' words only (the
    search index reads them); the page still has every row (transforms/resolve.py)."""
    app.build()
    doctree = app.env.get_and_resolve_doctree("index", app.builder, tags=app.tags)
    deferred = list(doctree.findall(pubcomment_deferred_rows))
    assert len(deferred) == 2  # one per topic
    texts = [str(text) for text in deferred[0].children]
    words = "\n".join(texts)
    # A text per paragraph (notes included) and link texts, but not link
    # addresses or markup.
    assert texts[:7] == ["1", "一段落目。", "LGWAN", "(※)", "について二段落目。", "※", "LGWAN とは、閉域ネットワークのこと。"]
    assert "LGWAN とは、閉域ネットワークのこと。" in words
    assert "リンク" in words and "example.jp" not in words and "*" not in words
    # The texts are those of the rows' text nodes, less the words only
    # screen readers hear: the search index is the one the rows would give.
    expanded = deferred_rows(app.builder, deferred[0])

    def visible_texts(node: nodes.Node) -> list[str]:
        if isinstance(node, nodes.Text):
            return [str(node).strip()] if str(node).strip() else []
        if "pc-visually-hidden" in node.get("classes", []):
            return []
        return [text for child in node.children for text in visible_texts(child)]

    assert visible_texts(expanded) == texts
    expand_deferred_rows(app.builder, doctree)
    assert not list(doctree.findall(pubcomment_deferred_rows))
    rows = [row for table in doctree.findall(nodes.table) if "pc-opinions" in table["classes"] for row in table.findall(nodes.row)]
    assert len(rows) == 2 + 3  # two head rows, three opinions
    page = html(app)
    assert [td.get_text(strip=True) for td in page.select("table.pc-opinions tbody tr > td:first-child")] == ["1", "2", "3"]


@pytest.mark.sphinx(
    "html", testroot="basic", freshenv=True, confoverrides={"html_search_options": {"type": "pubcomment.search_ja.BigramSplitter"}}
)
def test_rows_words_found_at_once_for_the_bigram_splitter(app: SphinxTestApp) -> None:
    """For a splitter that splits its own words, the table's words are one text, a word a line."""
    app.build()
    doctree = app.env.get_and_resolve_doctree("index", app.builder, tags=app.tags)
    deferred = next(iter(doctree.findall(pubcomment_deferred_rows)))
    assert len(deferred.children) == 1
    words = str(deferred.children[0]).splitlines()
    assert words == sorted(set(words))
    assert {"1", "2", "LGWAN", "閉域", "段落"} <= set(words)
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert '"\\u9589\\u57df"' in index or "閉域" in index  # a bigram of a note


def test_searchable_text() -> None:
    # The pieces the text nodes of a cell hold: lines, and (※) markers apart.
    assert searchable("一行目\n二行目") == ["一行目", "二行目"]
    assert searchable("段落一\n\n段落二") == ["段落一", "段落二"]
    assert searchable("- 項目一\n- 項目二\n\n1. 番号\n> 引用") == ["項目一", "項目二", "番号", "引用"]
    assert searchable("LGWAN(※)について（※）。") == ["LGWAN", "(※)", "について", "（※）", "。"]
    assert searchable("[市のページ](https://example.jp/a_b) と **強調**") == ["市のページ", "と", "強調"]


@pytest.mark.sphinx("html", testroot="basic")
def test_basic_html(app: SphinxTestApp) -> None:
    app.build()
    soup = html(app)
    text = soup.get_text()
    # 和暦 across the era boundary, with weekdays.
    assert "平成31年4月30日（火）から令和元年5月7日（火）まで" in text
    assert "御意見は2通3件でした。" in text
    # Headings numbered 1 → (1) in 公用文 style.
    for permalink in soup.select("a.headerlink"):
        permalink.decompose()
    titles = [h.get_text(" ", strip=True) for h in soup.select("section > h2, section > h3")]
    assert titles[:3] == ["1 経過", "2 概要", "(1) 区分"]
    # One table per topic, headed ア/イ automatically.
    captions = [c.get_text(strip=True) for c in soup.select("table.pc-opinions caption")]
    assert captions == ["ア プラン全般に関すること", "イ 個別の取組に関すること"]
    # Tally with row totals and a 合計 row.
    tally = soup.select_one("table.pc-tally")
    rows = [[c.get_text(strip=True) for c in tr.select("th, td")] for tr in tally.select("tr")]
    assert rows == [
        ["項目", "A", "B", "計"],
        ["ア プラン全般に関すること", "1", "1", "2"],
        ["イ 個別の取組に関すること", "0", "1", "1"],
        ["合計", "1", "2", "3"],
    ]
    # The ※ note stays in its cell and the marker links to it.
    marker = soup.select_one("a.pc-note-ref")
    assert marker is not None and marker.get_text() == "(※)"
    note = soup.find(id=marker["href"].lstrip("#"))
    assert note is not None and "LGWAN とは" in note.parent.get_text()
    assert note.find_parent("td") is marker.find_parent("td")
    # Category letters link to the legend.
    letter = soup.select_one("table.pc-opinions a[href*=category]")
    assert soup.find(id=letter["href"].split("#")[1]) is not None
    # Markdown inside cells: paragraphs, lists, emphasis, links.
    assert len(soup.select("table.pc-opinions tbody tr")[0].select("td")[1].select("p")) >= 2
    assert soup.select_one("table.pc-opinions em").get_text() == "強調"
    assert soup.select_one('table.pc-opinions a[href="https://example.jp/"]') is not None
    # Changed text is an inline with a class; the note explains it.
    assert [s.get_text() for s in soup.select("table.pc-amendments .pc-changed")] == ["160,000 人", "100,000 人", "略"]
    assert "下線部は変更箇所" in soup.select_one(".pc-changed-note").get_text()
    assert "なし" in soup.select("table.pc-amendments tbody tr")[1].get_text()
    assert "令和元年5月" in soup.select_one(".pc-schedule").get_text()


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True)
def test_bad_data_warns_at_file_and_line(app: SphinxTestApp) -> None:
    app.build()
    assert_warnings(
        app,
        [
            ("index.md:6", "pubcomment.date", "ends (2025-12-03) before it starts"),
            ("index.md:10", "pubcomment.category", "category key 'A' is defined twice"),
            ("index.md:16", "pubcomment.category", "unknown category 'Z'"),
            ("index.md:20", "pubcomment.topic", "unknown topic 'nowhere'"),
            ("index.md:22", "pubcomment.note", "1 (※) marker(s) but 0 note(s)"),
            ("index.md:23", "pubcomment.required", "needs a non-empty 'response'"),
            ("index.md:27", "pubcomment.unknown_key", "unknown key 'summry'"),
            ("index.md:19", "pubcomment.number", "opinion number 1 is used twice"),
            ("index.md:14", "pubcomment.number", "opinion numbers skip 2, 3"),
            ("index.md:7", "pubcomment.count", "declared opinions (5件) disagree with the data (3件)"),
            ("index.md:32", "pubcomment.reference", "no consultation named 'missing'"),
        ],
    )


@pytest.mark.sphinx("html", testroot="bad-data", freshenv=True, confoverrides={"suppress_warnings": ["pubcomment"]})
def test_warnings_can_be_suppressed(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx("html", testroot="hostile")
def test_hostile_text_is_shown_as_text(app: SphinxTestApp) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in page and "&lt;b&gt;太字&lt;/b&gt;" in page
    assert "<img src=x" not in page
    assert 'href="javascript:' not in page
    assert "root:x:0" not in page  # /etc/passwd was not included
    soup = html(app)
    text = soup.select_one("table.pc-opinions").get_text()
    assert r"\input{/etc/passwd} {{x}} 100% \write18{rm -rf /} # & ~ ^ _ $x$" in text
    assert warnings_of(app) == []


@pytest.mark.sphinx("html", testroot="csv", freshenv=True)
def test_opinions_from_cp932_csv(app: SphinxTestApp) -> None:
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1 and "opinions.csv:6" in warnings[0] and "unknown category 'X'" in warnings[0]
    soup = html(app)
    cells = [td.get_text(" ", strip=True) for td in soup.select("table.pc-opinions tbody tr td:nth-of-type(2)")]
    assert cells == ["一段落目。 二段落目。", "要旨二", "要旨三"]
    deps = app.env.dependencies["index"]
    assert any(str(d).endswith("opinions.csv") for d in deps)


@pytest.mark.sphinx("html", testroot="xlsx", freshenv=True)
def test_opinions_from_a_workbook(app: SphinxTestApp) -> None:
    """The sheet is written here (a workbook is no text to keep in the test root)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "意見一覧"
    for row in (
        ["No", "項目", "区分", "意見の要旨", "本市の考え方", "受付番号", "氏名"],
        [1, "全般", "B", "一段落目。\n\n二段落目。", "考え方一", 101, "見本 花子"],
        [2.0, "全般", "D", "要旨二", "考え方二", 101],
        [3, "全般", "X", "要旨三", "考え方三", 102],
    ):
        sheet.append(row)
    book.save(app.srcdir / "opinions.xlsx")
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1 and "opinions.xlsx:意見一覧!C4: WARNING: opinion 3: unknown category 'X'" in warnings[0], warnings
    soup = html(app)
    cells = [td.get_text(" ", strip=True) for td in soup.select("table.pc-opinions tbody tr td:nth-of-type(2)")]
    assert cells == ["一段落目。 二段落目。", "要旨二", "要旨三"]
    assert "見本 花子" not in soup.get_text()
    assert any(str(d).endswith("opinions.xlsx") for d in app.env.dependencies["index"])


@pytest.mark.sphinx("html", testroot="options-pitfall", freshenv=True)
def test_data_read_as_options_is_not_lost_silently(app: SphinxTestApp) -> None:
    """A body starting with --- or :key: lines becomes MyST options: say so."""
    app.build()
    ours = [w for w in warnings_of(app) if "[pubcomment.directive]" in w]
    assert len(ours) == 2
    assert all("MyST reads a body that starts with '---'" in w for w in ours)
    assert ours[0].split("index.md:")[1].startswith("3:") and ours[1].split("index.md:")[1].startswith("10:")


def test_editing_the_data_file_rebuilds_its_pages(tmp_path, rootdir) -> None:
    import shutil

    from sphinx.cmd.build import build_main

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-hostile", srcdir)
    out = tmp_path / "out"
    assert build_main(["-q", "-b", "html", str(srcdir), str(out)]) == 0
    data = srcdir / "data.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("<script>alert(1)</script>", "書き換えた要旨"), encoding="utf-8")
    assert build_main(["-q", "-b", "html", str(srcdir), str(out)]) == 0  # incremental
    assert "書き換えた要旨" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="other-city", freshenv=True)
def test_other_words_no_categories_no_topics(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    soup = html(app)
    table = soup.select_one("table.pc-opinions")
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["No", "意見の概要", "市の検討結果と理由"]
    assert [td.get_text(strip=True) for td in table.select("tbody td:first-child")] == ["1", "2"]
    assert table.select_one("caption").get_text(strip=True) == "見本条例の案"
    tally = [[c.get_text(strip=True) for c in tr.select("th, td")] for tr in soup.select("table.pc-tally tr")]
    assert tally == [["項目", "計"], ["合計", "2"]]
    # Without submission ids or a declared number, only the opinion count is known.
    assert [c.get_text(" ", strip=True) for c in soup.select(".pc-count-card")] == ["(1) 意見数 2件"]


@pytest.mark.sphinx("html", testroot="basic")
def test_category_label_heads_its_description(app: SphinxTestApp) -> None:
    app.build()
    rows = html(app).select("table.pc-legend tbody tr")
    assert rows[1].select_one("strong").get_text() == "推進"
    assert " ".join(rows[1].get_text(" ", strip=True).split()) == "B 推進 御意見の趣旨を踏まえ、取組を推進するもの"
