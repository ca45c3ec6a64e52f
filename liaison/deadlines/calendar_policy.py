"""The one policy for a year the working-day calendar lacks (the centre has not entered the State
Council's holiday schedule yet): nothing fails and nothing guesses.

- A deadline the calendar cannot give is kept empty with the missing year beside it; the owning app's
  reminder job fills it in once the year is entered (`deadline_after` returns both).
- A light that depends on unknown working days is "calendar missing" (Light.UNKNOWN), with the same
  message on every page (`calendar_problem`).
- How late something is cannot be counted across a missing year: it stays at its first red reminder
  (no repeat) until the year is entered (`working_days_or_none`).

Every `except CalendarYearMissing` of the platform is in this module; other code passes a missing year on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from liaison.workcal.calendar import CalendarYearMissing, add_working_days
from liaison.workcal.counters import LIVE, DayCounter

T = TypeVar("T")


def reckon(compute: Callable[[], T]) -> tuple[T | None, int | None]:
    """Run working-day arithmetic: (value, None), or (None, year) when the calendar lacks `year`."""
    try:
        return compute(), None
    except CalendarYearMissing as missing:
        return None, missing.year


@dataclass(frozen=True)
class Deadline:
    due_on: dt.date | None
    problem_year: int | None = None  # set when the calendar could not give `due_on`


def deadline_after(start: dt.date, days: int, cal: DayCounter = LIVE) -> Deadline:
    """`days` working days after `start` (the start day not counted, Civil Code Art. 201)."""
    due, problem = reckon(lambda: cal.add(start, days) if days else start)
    return Deadline(due, problem)


def working_days_or_none(start: dt.date | None, end: dt.date | None, cal: DayCounter = LIVE) -> int | None:
    """Working days from `start` to `end` (negative when end is earlier), None when unknown."""
    if start is None or end is None:
        return None
    value, _problem = reckon(lambda: cal.between(start, end))
    return value


@dataclass(frozen=True)
class WarningLimit:
    day: dt.date  # the last due date that is still yellow
    complete: bool = True  # False: the calendar ends before `warning_days` working days from today
    problem_year: int | None = None


def warning_limit(today: dt.date, warning_days: int) -> WarningLimit:
    """The last date within `warning_days` working days of today. Where the count runs into a year not
    entered, the limit stops at the end of the last year entered (never before today) and is incomplete."""
    if warning_days <= 0:
        return WarningLimit(today)
    try:
        return WarningLimit(add_working_days(today, warning_days))
    except CalendarYearMissing as missing:
        return WarningLimit(max(dt.date(missing.year - 1, 12, 31), today), False, missing.year)


def calendar_problem(year: int | None) -> str:
    """The message every page shows beside a date the calendar could not give ("" for none)."""
    return str(CalendarYearMissing(year).message) if year else ""
