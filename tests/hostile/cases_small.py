"""Hostile-input cases of small gaps: each gets a warning at its place, or is shown, never a crash or a silent drop.

All Japanese text is synthetic sample text (見本).
"""

from __future__ import annotations

from collections.abc import Iterator

# The module, not its names: cases.py imports this module while it is being made.
from . import cases as base


def small_date_cases() -> Iterator[base.Factory]:
    """Dates the era table can write, in every part that writes them (pc-index names the 年度)."""
    for day in ("1873-01-15", "1873-01-01"):

        def period_1873(tag: str, day: str = day) -> base.Case:
            data = base.yaml_data(base.opinion(f"見本の意見{tag}です。"), period=f"{{start: {day}, end: 1873-02-20}}")
            return base.file_case(
                f"small-period-{day.replace('-', '')}",
                "traceback",
                data,
                parts=(*base.PARTS, "pc-index"),
                texts=(f"見本の意見{tag}です。", "明治6年", "明治5年度"),
                note=f"a period from {day}: its 年度 began in 1872 (明治5年度); check and build agree, no crash",
            )

        yield period_1873


def small_cases() -> Iterator[base.Factory]:
    """Every case of this module (the one name GENERATORS lists)."""
    for generator in (small_date_cases,):
        yield from generator()
