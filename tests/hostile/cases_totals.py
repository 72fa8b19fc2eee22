"""Hostile-input cases of declared totals beside published rows (``declared: {rows: …}``).

A declared total that the rows contradict is warned at its line, and never
shown beside 「御意見の提出はありませんでした」; rows beyond a selection's total
are warned and still shown; a hostile ``rows`` value is warned, not shown.
All Japanese text is synthetic sample text (見本).
"""

from __future__ import annotations

from collections.abc import Iterator

# The module, not its names: cases.py imports this module while it is being made.
from . import cases as base

NONE_SUBMITTED = "御意見の提出はありませんでした"


def totals_cases() -> Iterator[base.Factory]:
    """Every case of this module (the one name GENERATORS lists)."""
    for mode in ("file", "embedded"):

        def contradiction(tag: str, mode: str = mode) -> base.Case:
            data = base.yaml_data(tail=("declared: {submissions: 205, opinions: 225}",))
            line = base.line_of(data, "declared:")
            return base.data_case(
                mode,
                "totals-declared-without-rows",
                "loss",
                data,
                expected=(base.Expect("count", base.at(mode, "data.yaml", line), r"declared opinions \(225件\)"),),
                texts=("205通",),
                withheld=(NONE_SUBMITTED,),
                note="declared 205通/225件 with no rows: pubcomment.count at its line, and never 「御意見の提出はありませんでした」",
            )

        yield contradiction

    def rows_beyond_total(tag: str) -> base.Case:
        data = base.yaml_data(
            base.opinion(f"見本の主な意見{tag}です。"),
            base.opinion(f"見本の二つ目{tag}です。"),
            tail=("declared: {rows: selection, submissions: 1, opinions: 1}",),
        )
        return base.file_case(
            "totals-rows-beyond-selection",
            "loss",
            data,
            expected=(base.Expect("count", f"data.yaml:{base.line_of(data, 'declared:')}", "more than the declared total"),),
            texts=(f"見本の主な意見{tag}です。", f"見本の二つ目{tag}です。", "主な御意見と本市の考え方"),
            note="a selection with more rows than its declared total: pubcomment.count, every row still shown",
        )

    yield rows_beyond_total

    def hostile_rows(tag: str) -> base.Case:
        data = base.yaml_data(
            base.opinion(f"見本の意見{tag}です。"),
            tail=(f"declared: {{rows: '{base.XSS}', opinions: 1}}",),
        )
        return base.file_case(
            "totals-rows-hostile",
            "injection",
            data,
            expected=(base.Expect("type", f"data.yaml:{base.line_of(data, 'declared:')}", "'rows' of 'declared' must be one of"),),
            texts=(f"見本の意見{tag}です。",),
            withheld=(base.XSS,),
            note="a script as the value of declared.rows: pubcomment.type at its line; the rows are shown as all rows",
        )

    yield hostile_rows
