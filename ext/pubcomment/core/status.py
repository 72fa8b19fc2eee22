"""Where a consultation stands on a given day, and the day a build says it is.

募集予定 before the period, 意見募集中 during it, then 結果公表準備中 until
the results are published (``published_results:`` in the data, when given)
and 結果公表済み after; ``status:`` in the data overrides the dates.  The
day is the ``pubcomment_today`` setting, else ``SOURCE_DATE_EPOCH`` (as
reproducible builds set it), else today: the same data and the same day
make the same pages.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from enum import StrEnum

from .model import Consultation


class Status(StrEnum):
    PLANNED = "planned"  # 募集予定
    OPEN = "open"  # 意見募集中
    PREPARING = "preparing"  # 結果公表準備中
    PUBLISHED = "published"  # 結果公表済み

    @property
    def label(self) -> str:
        """The key of its words in core/labels.py."""
        return f"status_{self.value}"


# In the order a consultation goes through them.
STATUSES = tuple(Status)


def status_of(consultation: Consultation, today: dt.date) -> Status:
    if consultation.status:
        return Status(consultation.status)
    c = consultation
    if c.start is not None and today < c.start:
        return Status.PLANNED
    if c.end is not None and today <= c.end:
        return Status.OPEN
    if c.results_published is not None and today < c.results_published:
        return Status.PREPARING
    return Status.PUBLISHED


def build_date(setting: str, environ: Mapping[str, str] | None = None) -> dt.date:
    """The build's today: ``setting`` (YYYY-MM-DD), else SOURCE_DATE_EPOCH (in Japan time), else the clock's.

    A SOURCE_DATE_EPOCH that names no day (past the year 9999) counts as
    unset: config.py warns about it once, when the build starts.
    """
    if setting:
        return dt.date.fromisoformat(setting)
    try:
        day = source_date(environ)
    except ValueError:
        day = None
    return day or dt.datetime.now(JST).date()


def source_date(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """The day SOURCE_DATE_EPOCH (whole seconds since 1970) names in Japan time, or None when it is unset.

    ValueError, saying why, for a number of seconds no date can hold (past the year 9999).
    """
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdecimal():
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), JST).date()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"SOURCE_DATE_EPOCH {epoch[:40]} names no day from 1970 to 9999-12-31") from None


JST = dt.timezone(dt.timedelta(hours=9), "JST")


def fiscal_year(day: dt.date) -> int:
    """The 年度 a day falls in (April to March): 2026-03-31 is in 2025."""
    return day.year if day.month >= 4 else day.year - 1
