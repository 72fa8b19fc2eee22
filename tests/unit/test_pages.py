"""``pubcomment pages``: the pages of a split opinion table, computed from the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pubcomment.cli import GENERATED, main
from pubcomment.core.model import Consultation, Opinion, Topic
from pubcomment.core.pages import chunk_numbers, markdown_text, plan_pages
from tests.support.tools import sphinx_build

DATA = """\
title: 見本計画（見本）の案に係る意見募集
body: {name: 見本市}
period: {start: 2025-12-03, end: 2026-01-05}
topics:
  - {id: a, title: 計画全般に関すること}
  - {id: 取組, title: 取組に関すること}
opinions:
  - {topic: a, summary: 一, response: 考え方}
  - {topic: 取組, summary: 二, response: 考え方}
  - {topic: a, summary: 三, response: 考え方}
  - {topic: a, summary: 四, response: 考え方}
  - {topic: a, summary: 五, response: 考え方}
  - {topic: a, summary: 六, response: 考え方}
"""


def test_chunks_cover_every_number_and_the_last_is_open() -> None:
    assert chunk_numbers([1, 3, 4, 5, 6], 2) == ["1-3", "4-5", "6-"]
    assert chunk_numbers([1, 3], 2) == [""]  # fits on one page: no :numbers:
    with pytest.raises(ValueError):
        chunk_numbers([1], 0)


def test_pages_are_named_and_headed_by_topic() -> None:
    consultation = Consultation(
        "t",
        "市",
        "本市",
        "p",
        None,
        None,
        topics=[Topic("a", "甲"), Topic("取組", "乙")],
        opinions=[Opinion(n, "s", "r", topic="a" if n != 2 else "取組") for n in range(1, 7)],
    )
    pages = [(p.name, p.topic, p.heading, p.numbers) for p in plan_pages(consultation, 2)]
    assert pages == [
        ("a-01", "a", "ア 甲（No.1〜3）", "1-3"),
        ("a-02", "a", "ア 甲（No.4〜5）", "4-5"),
        ("a-03", "a", "ア 甲（No.6）", "6-"),
        ("topic02", "取組", "イ 乙", ""),  # an id that is not a safe file name
    ]


@pytest.mark.parametrize("title", ["計画<b>全般</b>", "{raw}`html` *強調* [リンク](https://example.jp) #1 \\n"])
def test_headings_keep_titles_as_text(title: str) -> None:
    """A title is the writer's text, never markup, in the heading of a written page."""
    from html import escape

    from markdown_it import MarkdownIt

    assert MarkdownIt("commonmark").renderInline(markdown_text(title)) == escape(title, quote=False)


def test_a_topic_id_that_cannot_be_an_option_is_refused() -> None:
    consultation = Consultation("t", "市", "本市", "p", None, None, topics=[Topic("a b ", "甲")])
    with pytest.raises(ValueError, match="cannot be written"):
        plan_pages(consultation, 2)


def _project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "data").mkdir(parents=True)
    (src / "data" / "consultation.yaml").write_text(DATA, encoding="utf-8")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "pubcomment"]\nlanguage = "ja"\n'
        'exclude_patterns = ["data"]\n'
        "pubcomment_law_rules = []  # the pages, not the completeness of the results\n",
        encoding="utf-8",
    )
    return src


def _index(src: Path, entries: list[str]) -> None:
    toctree = "\n".join(entries)
    (src / "index.md").write_text(
        f"# 実施結果\n\n```{{pc-consultation}}\n:file: data/consultation.yaml\n```\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8"
    )


def test_written_pages_build_without_warnings_and_stale_ones_go(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _project(tmp_path)
    own = src / "opinions" / "about.md"  # a page the writer made: never removed
    own.parent.mkdir()
    own.write_text("# この一覧について\n", encoding="utf-8")
    args = ["pages", str(src / "data" / "consultation.yaml"), "--consultation", "index", "--out", str(src / "opinions")]
    assert main([*args, "--per-page", "2"]) == 0
    entries = capsys.readouterr().out.splitlines()[1:]
    assert entries == ["opinions/a", "opinions/topic02"]  # the split topic's own page, then the other topic's
    page = (src / "opinions" / "a-02.md").read_text(encoding="utf-8")
    assert page.startswith(GENERATED) and ":topic: a\n:numbers: 4-5\n" in page and "# ア 計画全般に関すること（No.4〜5）" in page
    topic = (src / "opinions" / "a.md").read_text(encoding="utf-8")
    assert topic.startswith(GENERATED) and "# ア 計画全般に関すること\n" in topic and "\na-01\na-02\na-03\n```" in topic
    _index(src, [*entries, "opinions/about"])
    sphinx_build("-b", "html", str(src), str(tmp_path / "out"))  # -nW: every opinion in one table, every page in a toctree
    assert main([*args, "--per-page", "3"]) == 0
    assert "removed" in capsys.readouterr().err
    assert sorted(p.name for p in (src / "opinions").glob("*.md")) == ["a-01.md", "a-02.md", "a.md", "about.md", "topic02.md"]
    assert "\na-01\na-02\n```" in (src / "opinions" / "a.md").read_text(encoding="utf-8")
    sphinx_build("-b", "html", "-E", str(src), str(tmp_path / "out"))
    assert main([*args, "--per-page", "3", "--flat"]) == 0  # every page in the site's toctree, as before
    assert capsys.readouterr().out.splitlines()[1:] == ["opinions/a-01", "opinions/a-02", "opinions/topic02"]
    assert not (src / "opinions" / "a.md").exists()


def test_the_sidebar_lists_the_topics_not_every_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sphinx resolves and writes the site's table of contents again beside
    every page: with every page in it, that work grows with pages² (a third
    of a build of 100,000 opinions on 400 pages).  With a page per split
    topic, the sidebar of an opinion page lists the topics and its own
    topic's pages, whatever the number of pages in the other topics."""
    import re

    src = _project(tmp_path)
    data = src / "data" / "consultation.yaml"
    more = "".join(f"  - {{topic: {'a' if n % 2 else '取組'}, summary: 追加{n}, response: 考え方}}\n" for n in range(40))
    data.write_text(DATA + more, encoding="utf-8")
    args = ["pages", str(data), "--consultation", "index", "--out", str(src / "opinions"), "--per-page", "3"]
    listed: dict[str, int] = {}
    for layout in ("nested", "flat"):
        assert main([*args] + (["--flat"] if layout == "flat" else [])) == 0
        _index(src, capsys.readouterr().out.splitlines()[1:])
        out = tmp_path / layout
        sphinx_build("-b", "html", "-E", str(src), str(out))
        listed[layout] = len(re.findall(r'<li class="toctree-l\d', (out / "opinions" / "a-02.html").read_text(encoding="utf-8")))
    pages_a, pages_b = (
        len(list((tmp_path / "flat" / "opinions").glob("a-*.html"))),
        len(list((tmp_path / "flat" / "opinions").glob("topic02-*.html"))),
    )
    assert pages_a == 9 and pages_b == 7
    assert listed == {"nested": 2 + pages_a, "flat": pages_a + pages_b}, listed


def test_pages_refuses_data_with_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "c.yaml"
    data.write_text("title: t\nbody: {name: 市}\nperiod: {start: 2025-12-03, end: 2025-12-01}\n", encoding="utf-8")
    assert main(["pages", str(data), "--consultation", "index", "--out", str(tmp_path / "o")]) == 1
    assert "pubcomment check" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_range_index_finds_the_lists_holding_a_number() -> None:
    import random

    from pubcomment.core.ranges import EVERY_NUMBER, RangeIndex, contains

    rng = random.Random(3)
    lists = [
        tuple(sorted((a, None if rng.random() < 0.1 else a + rng.randrange(0, 40)) for a in rng.sample(range(1, 200), rng.randrange(1, 4))))
        for _ in range(30)
    ] + [EVERY_NUMBER, ()]
    index = RangeIndex(lists)
    for number in range(-2, 260):
        assert index.holding(number) == [order for order, ranges in enumerate(lists) if contains(ranges, number)]
