"""Japanese era (和暦) dates, their weekdays, and periods as results publish them.

Era start dates are the days the new era name took effect.  Meiji's is
given for its Gregorian-calendar part only (from 1873, when Japan adopted
the Gregorian calendar); earlier dates are rejected with a ValueError
rather than converted wrongly.

Styles have data-friendly names, kept here and nowhere else, so that the
data format and directive options can pass plain strings through:

=================  ==========================================  =====================================
option             values                                      output
=================  ==========================================  =====================================
``weekday``        ``none``                                    ``令和7年6月2日``
                   ``short`` (a period's default)              ``令和7年6月2日（月）``
                   ``medium``                                  ``令和7年6月2日（月曜）``
                   ``long``                                    ``令和7年6月2日（月曜日）``
``range``          ``kara`` (default)                          ``…から…まで``
                   ``tilde``                                   ``…～…`` (U+FF5E FULLWIDTH TILDE)
``omit_repeated``  ``false`` (default) / ``true``              ``令和7年6月2日（月）～6月30日（月）``
=================  ==========================================  =====================================

``omit_repeated`` drops the end's era and year only when both are the
start's: across a new year or an era change the end is written in full
(``令和7年12月3日（水）～令和8年1月5日（月）``,
``平成31年4月20日（土）～令和元年5月20日（月）``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from .styles import choice

WEEKDAYS = "月火水木金土日"
TILDE = "\uff5e"  # ～ FULLWIDTH TILDE, as Japanese word processors write the range mark


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
FIRST_DAY = ERAS[-1].start


class WeekdayStyle(StrEnum):
    """How a date's weekday is written after it."""

    NONE = "none"  # 令和7年6月2日
    SHORT = "short"  # 令和7年6月2日（月）
    MEDIUM = "medium"  # 令和7年6月2日（月曜）
    LONG = "long"  # 令和7年6月2日（月曜日）


class RangeStyle(StrEnum):
    """How the two ends of a period are joined."""

    KARA = "kara"  # 令和7年6月2日（月）から令和7年6月30日（月）まで
    TILDE = "tilde"  # 令和7年6月2日（月）～令和7年6月30日（月）


WEEKDAY_SUFFIXES = {
    WeekdayStyle.NONE: "",
    WeekdayStyle.SHORT: "",
    WeekdayStyle.MEDIUM: "曜",
    WeekdayStyle.LONG: "曜日",
}


def weekday_style(value: object) -> WeekdayStyle:
    """The style named ``value``; ``True`` is ``short`` and ``False`` ``none``.

    ValueError names the allowed values.
    """
    if isinstance(value, bool):
        return WeekdayStyle.SHORT if value else WeekdayStyle.NONE
    return choice(WeekdayStyle, value, "weekday")


def range_style(value: object) -> RangeStyle:
    """The style named ``value``; ValueError names the allowed values."""
    return choice(RangeStyle, value, "range")


def _flag(value: object, option: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError(f"{option} must be true or false, not {value!r}")


@dataclass(frozen=True)
class PeriodStyle:
    """How :func:`format_period` writes a period; the default is the current output.

    The fields take the enums; style names (``"long"``, ``"tilde"``) are
    accepted too and checked here, so a wrong name fails when the style is
    made, not when a page is written.
    """

    weekday: WeekdayStyle = WeekdayStyle.SHORT
    range: RangeStyle = RangeStyle.KARA
    omit_repeated: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "weekday", weekday_style(self.weekday))
        object.__setattr__(self, "range", range_style(self.range))
        if not isinstance(self.omit_repeated, bool):
            raise ValueError(f"omit_repeated must be true or false, not {self.omit_repeated!r}")

    @classmethod
    def from_mapping(cls, options: Mapping[str, object]) -> PeriodStyle:
        """The style from data or directive options: ``{"weekday": "long", "range": "tilde", "omit_repeated": "true"}``.

        Missing options take their defaults.  ``omit_repeated`` is a bool or
        the text ``true``/``false`` (the data format reads every value as
        text).  An unknown option or value raises ValueError naming the
        allowed ones.
        """
        unknown = sorted(set(options) - set(PERIOD_STYLE_OPTIONS))
        if unknown:
            raise ValueError(f"unknown period style option {unknown[0]!r}; the options are {', '.join(PERIOD_STYLE_OPTIONS)}")
        weekday = weekday_style(options["weekday"]) if "weekday" in options else WeekdayStyle.SHORT
        joined = range_style(options["range"]) if "range" in options else RangeStyle.KARA
        omit = _flag(options["omit_repeated"], "omit_repeated") if "omit_repeated" in options else False
        return cls(weekday, joined, omit)


# The options of a period style and their allowed values, for the data format and directive options.
PERIOD_STYLE_OPTIONS: dict[str, tuple[str, ...]] = {
    "weekday": tuple(style.value for style in WeekdayStyle),
    "range": tuple(style.value for style in RangeStyle),
    "omit_repeated": ("true", "false"),
}


def _check_date(day: object) -> dt.date:
    if not isinstance(day, dt.date):
        raise TypeError(f"expected a datetime.date, not {type(day).__name__} {day!r}")
    return day


def era_of(day: dt.date) -> tuple[str, int]:
    """Return the era name and the year within it for ``day``.

    ValueError for a day before 1873-01-01, where the era table starts.
    """
    _check_date(day)
    for era in ERAS:
        if day >= era.start:
            if era.name == "明治":
                return era.name, day.year - 1873 + MEIJI_FIRST_GREGORIAN_YEAR
            return era.name, day.year - era.start.year + 1
    raise ValueError(
        f"{day.isoformat()} cannot be written in the Japanese era calendar (和暦): "
        f"the era table starts at {FIRST_DAY.isoformat()} (明治6年1月1日), the first day of the Gregorian calendar in Japan"
    )


def era_year(day: dt.date) -> str:
    """``令和7年``; the first year of an era is written 元年."""
    name, year = era_of(day)
    return f"{name}{'元' if year == 1 else year}年"


def fiscal_era_year(year: int) -> str:
    """``令和7年`` for the 年度 that begins in April of ``year`` (the era of its first day).

    A period may start from 1873-01-01 (the era table's first day), whose
    年度 began in April 1872: that year is 明治5年 (明治元年 was 1868), as
    the era named the year before the Gregorian calendar was adopted.
    ValueError for a 年度 before it.
    """
    first = dt.date(year, 4, 1)
    if first < FIRST_DAY and year == FIRST_DAY.year - 1:
        return f"明治{MEIJI_FIRST_GREGORIAN_YEAR - 1}年"
    return era_year(first)


def format_weekday(day: dt.date, style: WeekdayStyle | str | bool = WeekdayStyle.SHORT) -> str:
    """``（月）``, ``（月曜）``, ``（月曜日）``, or nothing for ``none``."""
    chosen = weekday_style(style)
    if chosen is WeekdayStyle.NONE:
        return ""
    return f"（{WEEKDAYS[_check_date(day).weekday()]}{WEEKDAY_SUFFIXES[chosen]}）"


def format_date(day: dt.date, *, weekday: WeekdayStyle | str | bool = False) -> str:
    """``令和7年12月3日``; with ``weekday`` (a style, or True for short) ``令和7年12月3日（水）``."""
    return f"{era_year(day)}{day.month}月{day.day}日{format_weekday(day, weekday)}"


def format_month(year: int, month: int) -> str:
    """``令和8年3月`` for a date known to the month only.

    The era is that of the month's last day, as a month that saw an era
    change is named after the new era in Japanese official usage.
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not from 1 to 12")
    last_day = dt.date(year, month, calendar.monthrange(year, month)[1])
    return f"{era_year(last_day)}{month}月"


def format_period(start: dt.date, end: dt.date, style: PeriodStyle | None = None) -> str:
    """``令和7年12月3日（水）から令和8年1月5日（月）まで`` by default.

    With ``PeriodStyle(weekday="long", range="tilde", omit_repeated=True)``:
    ``令和7年6月2日（月曜日）～6月30日（月曜日）``.  The end's era and year
    are omitted only when both repeat the start's.
    """
    style = style or PeriodStyle()
    first = format_date(start, weekday=style.weekday)
    if style.omit_repeated and era_of(start) == era_of(end):
        last = f"{end.month}月{end.day}日{format_weekday(end, style.weekday)}"
    else:
        last = format_date(end, weekday=style.weekday)
    if style.range is RangeStyle.TILDE:
        return f"{first}{TILDE}{last}"
    return f"{first}から{last}まで"


def period_days(start: dt.date, end: dt.date) -> int:
    """The number of days of a period, both ends counted: 6月2日 to 7月1日 is 30.

    This is how 行政手続法 39条3項 counts 意見提出期間 (「公示の日から起算して
    三十日以上」: the first day is counted, unlike 民法 140条's default), and
    how results state 「意見募集期間 30日間」.  ValueError when the period
    ends before it starts.
    """
    _check_date(start)
    _check_date(end)
    if end < start:
        raise ValueError(f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    return (end - start).days + 1


def format_period_days(start: dt.date, end: dt.date) -> str:
    """``30日間``: :func:`period_days` as results write it."""
    return f"{period_days(start, end)}日間"
