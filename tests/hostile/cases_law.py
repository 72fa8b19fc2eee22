"""Hostile-input cases of the kind of body (``body: {kind: …}``, which picks the rules of pubcomment.law).

A kind the reader does not know is one warning at the line of ``body``; the
results are shown as ever, with the kind inferred from the name.  All
Japanese text is synthetic sample text (見本).
"""

from __future__ import annotations

from collections.abc import Iterator

# The module, not its names: cases.py imports this module while it is being made.
from . import cases as base

# (id, the value of kind as YAML, what the case demands)
KINDS = (
    ("law-kind-unknown", "国", "a kind that is none of the four (国 for 国の行政機関)"),
    ("law-kind-fullwidth", "ｎａｔｉｏｎａｌ", "an ASCII alias typed full width"),
    ("law-kind-list", "[national, other]", "a list where one kind is asked for"),
    ("law-kind-mapping", "{national: true}", "a mapping where one kind is asked for"),
)


def law_cases() -> Iterator[base.Factory]:
    for case_id, value, what in KINDS:

        def kind_case(tag: str, case_id: str = case_id, value: str = value, what: str = what) -> base.Case:
            data = base.yaml_data(base.opinion(f"見本の意見{tag}です。")).replace(
                "body: {name: 見本市}", f"body: {{name: 見本市, kind: {value}}}"
            )
            return base.file_case(
                case_id,
                "loss",
                data,
                expected=(base.Expect("type", f"data.yaml:{base.line_of(data, 'body:')}", "'kind' of 'body' must be one of"),),
                texts=(f"見本の意見{tag}です。",),
                note=f"{what}: one pubcomment.type at the line of body, the results shown, no crash",
            )

        yield kind_case
