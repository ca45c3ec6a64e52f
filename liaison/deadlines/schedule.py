"""The reminder schedule of every kind of deadline: yellow once while due soon, red once when passed,
then once every N working days overdue (N is the kind's repeat setting)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from liaison.deadlines.calendar_policy import working_days_or_none
from liaison.deadlines.models import Threshold
from liaison.workcal.counters import LIVE, DayCounter


@dataclass(frozen=True)
class Crossing:
    due_on: dt.date  # the deadline crossed
    threshold: str  # Threshold value
    repeat_no: int  # 0 for yellow and red; k for the k-th "N working days overdue"
    late_days: int | None  # working days overdue (None: not counted, the calendar lacks a year)
    left_days: int | None  # working days left (0: due today)

    @property
    def step(self) -> str:
        """yellow / red / overdue<k>: how messages and event keys name the crossing."""
        return f"{self.threshold}{self.repeat_no}" if self.threshold == Threshold.OVERDUE else self.threshold


def crossing(due_on: dt.date, today: dt.date, repeat_days: int, cal: DayCounter = LIVE) -> Crossing:
    """Which crossing a deadline that is yellow or red today is at."""
    left = working_days_or_none(today, due_on, cal)
    late = None if left is None else -left
    if due_on >= today:
        return Crossing(due_on, Threshold.YELLOW, 0, late, left)
    if late is not None and late >= repeat_days:
        return Crossing(due_on, Threshold.OVERDUE, late // repeat_days, late, left)
    return Crossing(due_on, Threshold.RED, 0, late, left)
