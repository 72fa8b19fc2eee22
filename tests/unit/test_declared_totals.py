"""Declared totals beside published rows: ``declared: {rows: selection|summary, …}``.

The rows may be fewer than the declared totals (主な御意見, 整理・要約), never
more; the parts (in scope, out of scope, by method) must add up to the whole;
without ``rows`` a declared count that differs from the rows warns as before.
"""

from __future__ import annotations

import textwrap

from pubcomment.core import loader

HEAD = textwrap.dedent(
    """\
    title: 見本の意見募集
    body: {name: 見本省, self: 当省}
    period: {start: 2025-04-01, end: 2025-04-30}
    """
)
ROWS = textwrap.dedent(
    """\
    opinions:
      - {no: 1, summary: 見本の意見, response: 見本の考え方}
      - {no: 2, count: 3, summary: 見本の意見, response: 見本の考え方}
      - {no: 3, scope: out, summary: 見本の意見, response: 見本の考え方}
    """
)


def load(declared: str, rows: str = ROWS, methods: str = "") -> tuple[loader.Loaded, list[tuple[str, int | None, str]]]:
    loaded = loader.load_text(HEAD + methods + f"declared: {declared}\n" + rows)
    return loaded, [(p.subtype.value, p.line, p.message) for p in loaded.problems]


def test_a_selection_shows_the_declared_totals() -> None:
    loaded, problems = load("{rows: selection, submissions: 1764, opinions: 50416, in_scope: 25565, out_of_scope: 24851}")
    assert problems == []
    c = loaded.consultation
    assert (c.submission_count, c.opinion_count, c.in_scope_count, c.out_of_scope_count) == (1764, 50416, 25565, 24851)
    assert (c.row_count, c.counted_opinions, c.counted_in_scope, c.counted_out_of_scope) == (3, 5, 4, 1)
    assert not c.none_submitted


def test_without_the_marker_a_difference_still_warns() -> None:
    loaded, problems = load("{submissions: 1764, opinions: 50416}")
    assert [subtype for subtype, _line, _message in problems] == ["count"]
    assert loaded.consultation.opinion_count == 5  # the rows, as before


def test_rows_more_than_the_totals_warn() -> None:
    _loaded, problems = load("{rows: summary, opinions: 4, in_scope: 2, out_of_scope: 2}")
    messages = [message for _subtype, _line, message in problems]
    assert any("5件 opinions, more than the declared total (4件)" in m for m in messages), messages
    assert any("4件 opinions in scope, more than the declared total (2件)" in m for m in messages), messages
    assert len(messages) == 2


def test_in_and_out_of_scope_add_up_to_the_total() -> None:
    _loaded, problems = load("{rows: selection, opinions: 100, in_scope: 60, out_of_scope: 30}")
    assert [(s, n) for s, n, _m in problems] == [("count", 4)]
    assert "add up to 90件, not the 100件 declared" in problems[0][2]


def test_methods_add_up_to_the_submissions() -> None:
    methods = "submission_methods:\n  - {method: 郵送, count: 10}\n  - {method: 電子メール, count: 20}\n"
    _loaded, problems = load("{rows: selection, submissions: 31, opinions: 100}", methods=methods)
    assert [message for _s, _n, message in problems] == ["the submissions by method add up to 30通, not the 31通 of the whole"]


def test_a_selection_needs_its_totals() -> None:
    _loaded, problems = load("{rows: selection}")
    assert [(s, n) for s, n, _m in problems] == [("count", 4)]


def test_an_unknown_rows_value_is_reported() -> None:
    _loaded, problems = load("{rows: selections, opinions: 10}")
    assert problems[0][0] == "type" and "did you mean 'selection'" in problems[0][2]


def test_no_rows_and_a_total_is_not_none_submitted() -> None:
    loaded, problems = load("{rows: summary, submissions: 205, opinions: 225}", rows="")
    assert problems == []
    assert loaded.consultation.opinion_count == 225 and not loaded.consultation.none_submitted
    contradiction, problems = load("{submissions: 205, opinions: 225}", rows="")
    assert [s for s, _n, _m in problems] == ["count"]
    assert not contradiction.consultation.none_submitted  # whatever the check says, never "none were submitted"
    zero, problems = load("{submissions: 0, opinions: 0}", rows="")
    assert problems == [] and zero.consultation.none_submitted
    assert loader.load_text(HEAD).consultation.none_submitted
