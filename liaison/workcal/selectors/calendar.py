"""Reads for the calendar page and API: a year's grid, the centre's entries, the entered years."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError
from liaison.workcal.calendar import DayInfo, calendar_days
from liaison.workcal.models import CalendarOverride, CalendarYear

MAX_DAYS_SPAN = 366


@dataclass(frozen=True)
class MonthGrid:
    month: int
    weeks: list[list[DayInfo | None]]  # Monday first; None pads days of other months


def calendar_override_list(*, year: int | None = None) -> QuerySet[CalendarOverride]:
    """The centre's entries (of one year, when given), in date order."""
    qs = CalendarOverride.objects.select_related("updated_by").order_by("date")
    if year is not None:
        qs = qs.filter(date__year=year)
    return qs


def calendar_year_list() -> QuerySet[CalendarYear]:
    """The years the centre has entered from State Council notices, newest first."""
    return CalendarYear.objects.select_related("published_by").order_by("-year")


def calendar_day_list(*, start: dt.date, end: dt.date) -> list[DayInfo]:
    """Each day of [start, end] with its status and source; at most a year at a time."""
    if end < start:
        raise DomainError(_("结束日期不能早于开始日期。"), field="to")
    if (end - start).days >= MAX_DAYS_SPAN:
        raise DomainError(_("一次最多查询%(n)d天。") % {"n": MAX_DAYS_SPAN}, field="to")
    return calendar_days(start, end)


def calendar_year_grid(*, year: int) -> list[MonthGrid]:
    """Twelve month grids of `year`, weeks starting on Monday (two queries for the whole year)."""
    days = {d.date: d for d in calendar_days(dt.date(year, 1, 1), dt.date(year, 12, 31))}
    months = []
    for month in range(1, 13):
        weeks = [
            [days[day] if day.month == month else None for day in week]
            for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        ]
        months.append(MonthGrid(month=month, weeks=weeks))
    return months
