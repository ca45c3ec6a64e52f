"""Working-day counters with one interface: live (straight from the calendar) or loaded once for a
window (list pages and jobs: no query per row). Both raise CalendarYearMissing for a year not entered."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from liaison.workcal.calendar import WorkCalendar, add_working_days, working_days_between


class DayCounter(Protocol):
    def add(self, start: dt.date, n: int) -> dt.date: ...

    def between(self, start: dt.date, end: dt.date) -> int: ...


class LiveCalendar:
    """Working-day arithmetic straight from liaison.workcal (a couple of queries per call)."""

    def add(self, start: dt.date, n: int) -> dt.date:
        return add_working_days(start, n)

    def between(self, start: dt.date, end: dt.date) -> int:
        return working_days_between(start, end)


LIVE = LiveCalendar()


class LoadedCalendar:
    """The same arithmetic over a calendar loaded once for a window, for list pages (no query per row).

    Days outside the window fall back to the live calendar, so answers never differ from liaison.workcal.
    """

    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start, self.end = start, end
        self.calendar = WorkCalendar.load(start, end)
        self._days: dict[dt.date, bool] = {}  # a list page asks about the same days for every row

    def _is_workday(self, day: dt.date) -> bool:
        known = self._days.get(day)
        if known is None:
            if self.start <= day <= self.end:
                known = self.calendar.is_workday(day)  # raises for a missing year: nothing cached
            else:
                known = LIVE.between(day - dt.timedelta(days=1), day) == 1
            self._days[day] = known
        return known

    def add(self, start: dt.date, n: int) -> dt.date:
        day, remaining = start, n
        while remaining > 0:
            day += dt.timedelta(days=1)
            if self._is_workday(day):
                remaining -= 1
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        if end < start:
            return -self.between(end, start)
        return sum(1 for i in range(1, (end - start).days + 1) if self._is_workday(start + dt.timedelta(i)))
