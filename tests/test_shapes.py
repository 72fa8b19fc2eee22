"""Consultations in the shapes Japanese bodies publish (the 見本 of source/samples)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from pubcomment.core import loader
from pubcomment.core.problems import Subtype
from pubcomment.core.tally import tally

HEAD = "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2025-06-02, end: 2025-07-01}\n"


def text_of(app: SphinxTestApp, page: str) -> str:
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
    return re.sub(r"\s+", " ", (soup.select_one("div.body") or soup).get_text(" "))


def test_grouped_and_out_of_scope_opinions_are_counted() -> None:
    loaded = loader.load_text(
        HEAD
        + """opinions:
  - {summary: a, response: b, count: '1,650'}
  - {summary: a, response: b, originals: [x, y, z]}
  - {summary: a, response: b, scope: out, count: 98}
  - {summary: a, response: b, scope: 本案件外}
"""
    )
    c = loaded.consultation
    assert not loaded.problems
    assert (c.opinion_count, c.in_scope_count, c.out_of_scope_count, c.row_count, c.grouped_count) == (1752, 1653, 99, 4, 1751)
    result = tally(c)
    assert [row.total for row in result.rows] == [99] and result.total.total == 1752


@pytest.mark.parametrize(
    ("data", "subtype", "words"),
    [
        ("opinions:\n  - {summary: a, response: b, count: 2, originals: [x]}\n", Subtype.COUNT, "lists 1 'originals'"),
        ("opinions:\n  - {summary: a, response: b, count: 0}\n", Subtype.TYPE, "1 or more"),
        ("opinions:\n  - {summary: a, response: b, scope: maybe}\n", Subtype.TYPE, "'scope'"),
        ("submission_methods:\n  - {method: 郵送, count: 2}\ndeclared: {submissions: 3}\n", Subtype.COUNT, "add up to 2通"),
        ("submission_methods: [封書 1,649通, 電子メール]\n", Subtype.TYPE, "split at the comma"),
        ("labels: {respnse: 県の考え方}\n", Subtype.UNKNOWN_KEY, "did you mean 'response'"),
        ("opinions:\n  - {summary: a, response: b, count: 1,650}\n", Subtype.UNKNOWN_KEY, "the digits after the comma of a number"),
        ("style: {weekday: longest}\n", Subtype.TYPE, "style 'weekday'"),
        (
            "labels: {submissions_unit: 人}\ndeclared: {submissions: 3}\nopinions:\n  - {summary: a, response: b, submission: s1}\n",
            Subtype.COUNT,
            "(3人)",
        ),
    ],
)
def test_shapes_are_checked(data: str, subtype: Subtype, words: str) -> None:
    found = loader.load_text(HEAD + data).problems
    assert any(p.subtype is subtype and words in p.message for p in found), found


def test_counts_with_separators_are_read() -> None:
    c = loader.load_text(HEAD + "declared: {opinions: '1,764'}\nopinions: []\n").consultation
    assert c.declared_opinions == 1764 and c.submission_count == 0


@pytest.mark.sphinx("html", testroot="shapes", freshenv=True)
def test_the_samples_publish_what_the_data_says(app: SphinxTestApp) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    prefecture = text_of(app, "prefecture.html")
    for expected in (
        "30日間の期間に、1,764人の方から1,754件の御意見",
        "令和7年6月2日（月曜日）～7月1日（火曜日）",
        "1,764人（内訳：郵送 1,204人、ファクス 36人、電子メール 524人）",
        "1,754件（うち本案件に関するもの1,655件、本案件外のもの99件）",
        "（同趣旨の御意見 計1,650件）",
        "本案件以外の御意見",
        "県の検討結果と理由",
        r"C:\Users のような書き方も、そのまま載るか確かめたい *重要*",
        "令和7年9月",
    ):
        assert expected in prefecture, expected
    town = text_of(app, "town.html")
    assert "意見の募集に対し、御意見の提出はありませんでした。" in town
    assert "令和7年10月1日（水曜）から令和7年10月31日（金曜）まで" in town
    assert "0件" in town and "区分" not in town
