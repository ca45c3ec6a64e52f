"""The legal clock of a project item, as pure functions over its history (Licensing Law Art. 42, 45).

The limit runs from acceptance (受理) in working days, the acceptance day not counted. While the
enterprise is supplementing (补正) the clock is paused; it resumes at resubmission, and the working
days in between (the request day not included, the resubmission day included) do not count.
Several 补正 rounds add up. A year missing from the working-day calendar is reported, never raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from liaison.tracking.models import FINAL_STATES, ProjectItemState
from liaison.workcal.calendar import (
    CalendarYearMissing,
    WorkCalendar,
    add_working_days,
    working_days_between,
)

S = ProjectItemState


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


@dataclass(frozen=True)
class Step:
    """One recorded transition: the state entered and the day it happened."""

    state: str
    on: dt.date


@dataclass(frozen=True)
class Clock:
    accepted_on: dt.date | None = None
    paused_since: dt.date | None = None
    paused_days: int = 0
    due_on: dt.date | None = None
    remaining_days: int | None = None  # working days left (negative: overdue); frozen while paused
    closed_on: dt.date | None = None
    problem_year: int | None = None  # a year the working-day calendar lacks

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None and self.closed_on is None


def _replay(
    steps: Iterable[Step], cal: DayCounter
) -> tuple[dt.date | None, dt.date | None, int, dt.date | None]:
    accepted_on: dt.date | None = None
    paused_since: dt.date | None = None
    closed_on: dt.date | None = None
    paused = 0
    for step in steps:
        if step.state == S.ACCEPTED and accepted_on is None:
            accepted_on = step.on
        elif step.state == S.SUPPLEMENT_REQUESTED and accepted_on and paused_since is None:
            paused_since = step.on
        elif step.state == S.RESUBMITTED and paused_since is not None:
            paused += cal.between(paused_since, step.on)
            paused_since = None
        elif step.state in FINAL_STATES:
            closed_on = step.on
    return accepted_on, paused_since, paused, closed_on


def item_clock(
    *, limit_days: int, steps: Iterable[Step], today: dt.date | None = None, cal: DayCounter = LIVE
) -> Clock:
    """Due date and remaining working days of an item with `limit_days`, given its transition history."""
    steps = list(steps)
    try:
        accepted_on, paused_since, paused, closed_on = _replay(steps, cal)
    except CalendarYearMissing as missing:
        first = next((s.on for s in steps if s.state == S.ACCEPTED), None)
        return Clock(accepted_on=first, problem_year=missing.year)
    if accepted_on is None:
        return Clock(closed_on=closed_on)
    base = Clock(accepted_on=accepted_on, paused_since=paused_since, paused_days=paused, closed_on=closed_on)
    try:
        if paused_since is not None:
            used = cal.between(accepted_on, paused_since) - paused
            return replace(base, remaining_days=limit_days - used)
        due = cal.add(accepted_on, limit_days + paused)
        remaining = cal.between(today, due) if today is not None and closed_on is None else None
    except CalendarYearMissing as missing:
        return replace(base, problem_year=missing.year)
    return replace(base, due_on=due, remaining_days=remaining)


def remaining_working_days(due: dt.date | None, today: dt.date, cal: DayCounter = LIVE) -> int | None:
    """Working days from today to `due` (0: due today; negative: overdue), None when unknown."""
    if due is None:
        return None
    try:
        return cal.between(today, due)
    except CalendarYearMissing:
        return None
