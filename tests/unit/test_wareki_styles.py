"""Weekday and range styles, 元年 and era changes in periods, the length of a period."""

import datetime as dt
import re

import pytest

from pubcomment.core import wareki
from pubcomment.core.wareki import PeriodStyle, RangeStyle, WeekdayStyle

JUNE_2 = dt.date(2025, 6, 2)  # a Monday
JUNE_30 = dt.date(2025, 6, 30)  # a Monday


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [
        ("none", "令和7年12月4日"),
        ("short", "令和7年12月4日（木）"),
        ("medium", "令和7年12月4日（木曜）"),
        ("long", "令和7年12月4日（木曜日）"),
        (WeekdayStyle.LONG, "令和7年12月4日（木曜日）"),
        (True, "令和7年12月4日（木）"),
        (False, "令和7年12月4日"),
    ],
)
def test_weekday_styles(weekday: object, expected: str) -> None:
    assert wareki.format_date(dt.date(2025, 12, 4), weekday=weekday) == expected  # type: ignore[arg-type]


def test_every_weekday_name() -> None:
    week = [wareki.format_weekday(JUNE_2 + dt.timedelta(days=n), "long") for n in range(7)]
    assert week == ["（月曜日）", "（火曜日）", "（水曜日）", "（木曜日）", "（金曜日）", "（土曜日）", "（日曜日）"]
    assert wareki.format_weekday(JUNE_2, "none") == ""


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (PeriodStyle(), "令和7年6月2日（月）から令和7年6月30日（月）まで"),
        (PeriodStyle(weekday=WeekdayStyle.LONG), "令和7年6月2日（月曜日）から令和7年6月30日（月曜日）まで"),
        (PeriodStyle(weekday=WeekdayStyle.LONG, range=RangeStyle.TILDE), "令和7年6月2日（月曜日）～令和7年6月30日（月曜日）"),
        (PeriodStyle(range=RangeStyle.TILDE, omit_repeated=True), "令和7年6月2日（月）～6月30日（月）"),
        (PeriodStyle(weekday=WeekdayStyle.LONG, omit_repeated=True), "令和7年6月2日（月曜日）から6月30日（月曜日）まで"),
        (PeriodStyle(weekday=WeekdayStyle.MEDIUM, range=RangeStyle.TILDE), "令和7年6月2日（月曜）～令和7年6月30日（月曜）"),
        (PeriodStyle(weekday=WeekdayStyle.NONE, range=RangeStyle.TILDE, omit_repeated=True), "令和7年6月2日～6月30日"),
    ],
)
def test_range_styles(style: PeriodStyle, expected: str) -> None:
    assert wareki.format_period(JUNE_2, JUNE_30, style) == expected


def test_the_tilde_is_the_fullwidth_tilde() -> None:
    text = wareki.format_period(JUNE_2, JUNE_30, PeriodStyle(range=RangeStyle.TILDE))
    assert "\uff5e" in text
    assert "\u301c" not in text  # not the WAVE DASH


def test_default_period_is_unchanged() -> None:
    start, end = dt.date(2025, 12, 3), dt.date(2026, 1, 5)
    assert wareki.format_period(start, end) == "令和7年12月3日（水）から令和8年1月5日（月）まで"
    assert wareki.format_period(start, end, PeriodStyle()) == wareki.format_period(start, end)


@pytest.mark.parametrize("joined", ["kara", "tilde"])
def test_a_new_year_keeps_the_end_s_era_and_year(joined: str) -> None:
    style = PeriodStyle(range=RangeStyle(joined), omit_repeated=True)
    text = wareki.format_period(dt.date(2025, 12, 3), dt.date(2026, 1, 5), style)
    assert (
        text
        == {
            "kara": "令和7年12月3日（水）から令和8年1月5日（月）まで",
            "tilde": "令和7年12月3日（水）～令和8年1月5日（月）",
        }[joined]
    )


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (PeriodStyle(), "平成31年4月20日（土）から令和元年5月20日（月）まで"),
        (PeriodStyle(range=RangeStyle.TILDE, omit_repeated=True), "平成31年4月20日（土）～令和元年5月20日（月）"),
        (PeriodStyle(weekday=WeekdayStyle.LONG, omit_repeated=True), "平成31年4月20日（土曜日）から令和元年5月20日（月曜日）まで"),
    ],
)
def test_an_era_change_inside_a_period_is_never_omitted(style: PeriodStyle, expected: str) -> None:
    assert wareki.format_period(dt.date(2019, 4, 20), dt.date(2019, 5, 20), style) == expected


def test_era_change_on_the_last_and_first_day() -> None:
    style = PeriodStyle(range=RangeStyle.TILDE, omit_repeated=True)
    assert wareki.format_period(dt.date(2019, 4, 30), dt.date(2019, 5, 1), style) == "平成31年4月30日（火）～令和元年5月1日（水）"
    # 昭和64年 and 平成元年 are the same Gregorian year, but not the same era year.
    assert wareki.format_period(dt.date(1989, 1, 7), dt.date(1989, 1, 8), style) == "昭和64年1月7日（土）～平成元年1月8日（日）"


def test_first_year_is_gannen_in_every_style() -> None:
    start, end = dt.date(2019, 5, 1), dt.date(2019, 5, 31)
    assert wareki.format_period(start, end) == "令和元年5月1日（水）から令和元年5月31日（金）まで"
    omitted = PeriodStyle(weekday=WeekdayStyle.LONG, range=RangeStyle.TILDE, omit_repeated=True)
    assert wareki.format_period(start, end, omitted) == "令和元年5月1日（水曜日）～5月31日（金曜日）"
    assert wareki.format_date(dt.date(2019, 12, 31), weekday="medium") == "令和元年12月31日（火曜）"
    assert wareki.format_date(dt.date(2020, 1, 1)) == "令和2年1月1日"


def test_meiji_from_the_gregorian_calendar() -> None:
    assert wareki.format_date(dt.date(1873, 1, 1), weekday="long") == "明治6年1月1日（水曜日）"
    assert wareki.format_month(1873, 1) == "明治6年1月"


@pytest.mark.parametrize(
    "call",
    [
        lambda: wareki.format_date(dt.date(1872, 12, 31)),
        lambda: wareki.format_date(dt.date(1, 1, 1), weekday="long"),
        lambda: wareki.format_period(dt.date(1872, 12, 1), dt.date(1873, 1, 5)),
        lambda: wareki.format_period(dt.date(1872, 12, 1), dt.date(1872, 12, 5), PeriodStyle(omit_repeated=True)),
        lambda: wareki.format_month(1872, 12),
        lambda: wareki.era_of(dt.date(1800, 6, 1)),
    ],
)
def test_dates_before_the_era_table_raise_a_clear_value_error(call: object) -> None:
    with pytest.raises(ValueError, match=r"cannot be written in the Japanese era calendar.*1873-01-01"):
        call()  # type: ignore[operator]


def test_format_month_checks_the_month_and_reaches_the_last_year() -> None:
    with pytest.raises(ValueError, match="month 13 is not from 1 to 12"):
        wareki.format_month(2025, 13)
    assert wareki.format_month(9999, 12) == "令和7981年12月"


def test_a_date_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=re.escape("expected a datetime.date, not str")):
        wareki.format_date("2025-06-02")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=re.escape("expected a datetime.date")):
        wareki.period_days(JUNE_2, "2025-07-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        ("2025-06-02", "2025-07-01", 30),  # 意見募集期間 30日間
        ("2025-06-02", "2025-06-30", 29),
        ("2025-06-02", "2025-06-02", 1),
        ("2025-12-03", "2026-01-05", 34),
        ("2024-02-01", "2024-03-01", 30),  # a leap year's 2月29日 counts
        ("2019-04-20", "2019-05-20", 31),  # across the era change
    ],
)
def test_period_days_counts_both_ends(start: str, end: str, days: int) -> None:
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    assert wareki.period_days(first, last) == days
    assert wareki.format_period_days(first, last) == f"{days}日間"


def test_period_days_of_a_period_ending_before_it_starts() -> None:
    with pytest.raises(ValueError, match=r"the period ends \(2025-06-01\) before it starts \(2025-06-02\)"):
        wareki.period_days(JUNE_2, dt.date(2025, 6, 1))


def test_period_days_does_not_need_the_era_table() -> None:
    assert wareki.period_days(dt.date(1872, 12, 1), dt.date(1872, 12, 31)) == 31


def test_styles_by_name() -> None:
    style = PeriodStyle.from_mapping({"weekday": "long", "range": "tilde", "omit_repeated": "true"})
    assert style == PeriodStyle(WeekdayStyle.LONG, RangeStyle.TILDE, True)
    assert PeriodStyle.from_mapping({}) == PeriodStyle()
    assert PeriodStyle.from_mapping({"omit_repeated": False}).omit_repeated is False
    assert PeriodStyle.from_mapping({"omit_repeated": " FALSE "}).omit_repeated is False
    assert PeriodStyle(weekday="long", range="tilde") == PeriodStyle(WeekdayStyle.LONG, RangeStyle.TILDE)  # type: ignore[arg-type]
    assert wareki.weekday_style(" medium ") is WeekdayStyle.MEDIUM
    assert wareki.weekday_style("LONG") is WeekdayStyle.LONG
    assert wareki.range_style("kara") is RangeStyle.KARA


def test_the_style_names_in_one_place() -> None:
    assert wareki.PERIOD_STYLE_OPTIONS == {
        "weekday": ("none", "short", "medium", "long"),
        "range": ("kara", "tilde"),
        "omit_repeated": ("true", "false"),
    }


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"weekday": "longg"}, "weekday style 'longg' is not one of 'none', 'short', 'medium', 'long'"),
        ({"weekday": 3}, "weekday style 3 is not one of"),
        ({"range": "から"}, "range style 'から' is not one of 'kara', 'tilde'"),
        ({"omit_repeated": "yes"}, "omit_repeated must be true or false, not 'yes'"),
        ({"omit_repeated": 1}, "omit_repeated must be true or false, not 1"),
        ({"weekdays": "long"}, "unknown period style option 'weekdays'; the options are weekday, range, omit_repeated"),
    ],
)
def test_wrong_style_names_raise_value_errors_naming_the_allowed_values(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        PeriodStyle.from_mapping(options)


def test_the_constructor_checks_too() -> None:
    with pytest.raises(ValueError, match="range style 'wave' is not one of"):
        PeriodStyle(range="wave")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="omit_repeated must be true or false"):
        PeriodStyle(omit_repeated="true")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="weekday style 'tuesday' is not one of"):
        wareki.format_date(JUNE_2, weekday="tuesday")
