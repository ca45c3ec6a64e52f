"""A period's code and dates: a quarter (2026Q3: 1 July – 30 September) or a year (2026)."""

from __future__ import annotations

import calendar
import datetime as dt

from liaison.assessment.models import PeriodKind

YEAR_MIN, YEAR_MAX = 2000, 2100


def period_bounds(kind: str, year: int, quarter: int | None) -> tuple[str, dt.date, dt.date]:
    """(code, first day, last day); the caller has checked the year and quarter."""
    if kind == PeriodKind.YEAR:
        return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)
    last_month = (quarter or 1) * 3
    end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return f"{year}Q{quarter}", dt.date(year, last_month - 2, 1), end


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1
