import datetime as dt

import pytest

from pubcomment.core import wareki


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("1989-01-07", "昭和64年1月7日"),
        ("1989-01-08", "平成元年1月8日"),
        ("2019-04-30", "平成31年4月30日"),
        ("2019-05-01", "令和元年5月1日"),
        ("1926-12-24", "大正15年12月24日"),
        ("1926-12-25", "昭和元年12月25日"),
        ("1912-07-30", "大正元年7月30日"),
        ("1912-07-29", "明治45年7月29日"),
        ("2025-12-03", "令和7年12月3日"),
    ],
)
def test_era_boundaries(day: str, expected: str) -> None:
    assert wareki.format_date(dt.date.fromisoformat(day)) == expected


def test_period_with_weekdays() -> None:
    period = wareki.format_period(dt.date(2025, 12, 3), dt.date(2026, 1, 5))
    assert period == "令和7年12月3日（水）から令和8年1月5日（月）まで"


def test_month_of_era_change_takes_new_era() -> None:
    assert wareki.format_month(2019, 5) == "令和元年5月"
    assert wareki.format_month(2019, 4) == "平成31年4月"
    assert wareki.format_month(2026, 3) == "令和8年3月"


def test_before_gregorian_calendar_is_rejected() -> None:
    with pytest.raises(ValueError, match="1873"):
        wareki.format_date(dt.date(1870, 1, 1))


@pytest.mark.parametrize(
    ("year", "expected"), [(1872, "明治5年"), (1873, "明治6年"), (1912, "明治45年"), (2019, "平成31年"), (2025, "令和7年")]
)
def test_fiscal_era_year(year: int, expected: str) -> None:
    """The 年度 is named by the era of its April 1st; 1872's (from a period in early 1873) is 明治5年."""
    assert wareki.fiscal_era_year(year) == expected


def test_every_writable_day_has_a_writable_fiscal_year() -> None:
    """pc-index names the 年度 of any period start the data accepts (from the era table's first day)."""
    from pubcomment.core.status import fiscal_year

    for day in (wareki.FIRST_DAY, dt.date(1873, 3, 31), dt.date(1873, 4, 1)):
        assert wareki.fiscal_era_year(fiscal_year(day)).startswith("明治")
    with pytest.raises(ValueError, match="和暦"):
        wareki.fiscal_era_year(1871)
