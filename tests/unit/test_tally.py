from pubcomment.core import loader
from pubcomment.core.tally import tally

DATA = """\
title: t
body: {name: 市}
period: {start: 2025-12-03, end: 2026-01-05}
categories: [{key: A, description: a}, {key: B, description: b}]
topics: [{id: x, title: X}, {id: y, title: Y}]
opinions:
  - {topic: x, category: A, summary: s, response: r}
  - {topic: x, category: B, summary: s, response: r}
  - {topic: x, category: B, summary: s, response: r}
  - {topic: y, category: B, summary: s, response: r}
"""


def test_tally_by_topic_and_category() -> None:
    result = tally(loader.load_text(DATA).consultation)
    assert result.category_keys == ("A", "B")
    assert [(r.label, r.counts, r.total) for r in result.rows] == [("X", (1, 2), 3), ("Y", (0, 1), 1)]
    assert (result.total.label, result.total.counts, result.total.total) == ("合計", (1, 3), 4)


def test_tally_without_scheme_or_topics() -> None:
    text = (
        "title: t\nbody: {name: 市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\n"
        "opinions:\n  - {summary: a, response: b}\n  - {summary: a, response: b}\n"
    )
    result = tally(loader.load_text(text).consultation)
    assert result.rows == ()
    assert (result.total.counts, result.total.total) == ((2,), 2)
