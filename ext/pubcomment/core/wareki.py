"""Japanese era (和暦) dates.

Era start dates are the days the new era name took effect.  Meiji's is
given for its Gregorian-calendar part only (from 1873, when Japan adopted
the Gregorian calendar); earlier dates are rejected rather than
converted wrongly.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

WEEKDAYS = "月火水木金土日"


class Era(NamedTuple):
    name: str
    start: dt.date


ERAS: tuple[Era, ...] = (
    Era("令和", dt.date(2019, 5, 1)),
    Era("平成", dt.date(1989, 1, 8)),
    Era("昭和", dt.date(1926, 12, 25)),
    Era("大正", dt.date(1912, 7, 30)),
    Era("明治", dt.date(1873, 1, 1)),
)
MEIJI_FIRST_GREGORIAN_YEAR = 6  # 1873 is 明治6年


def era_of(day: dt.date) -> tuple[str, int]:
    """Return the era name and the year within it for ``day``."""
    for era in ERAS:
        if day >= era.start:
            if era.name == "明治":
                return era.name, day.year - 1873 + MEIJI_FIRST_GREGORIAN_YEAR
            return era.name, day.year - era.start.year + 1
    raise ValueError(f"{day.isoformat()} is before 1873, the first Gregorian year")


def era_year(day: dt.date) -> str:
    """``令和7年``; the first year of an era is written 元年."""
    name, year = era_of(day)
    return f"{name}{'元' if year == 1 else year}年"


def format_date(day: dt.date, *, weekday: bool = False) -> str:
    """``令和7年12月3日`` or, with ``weekday``, ``令和7年12月3日（水）``."""
    text = f"{era_year(day)}{day.month}月{day.day}日"
    if weekday:
        text += f"（{WEEKDAYS[day.weekday()]}）"
    return text


def format_month(year: int, month: int) -> str:
    """``令和8年3月`` for a date known to the month only.

    The era is that of the month's last day, as a month that saw an era
    change is named after the new era in Japanese official usage.
    """
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return f"{era_year(next_month - dt.timedelta(days=1))}{month}月"


def format_period(start: dt.date, end: dt.date) -> str:
    """``令和7年12月3日（水）から令和8年1月5日（月）まで``."""
    return f"{format_date(start, weekday=True)}から{format_date(end, weekday=True)}まで"
