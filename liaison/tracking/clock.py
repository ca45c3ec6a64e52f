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

from liaison.deadlines.calendar_policy import reckon, working_days_or_none
from liaison.tracking.models import FINAL_STATES, ProjectItemState
from liaison.workcal.counters import LIVE, DayCounter, LiveCalendar, LoadedCalendar

__all__ = ["LIVE", "Clock", "DayCounter", "LiveCalendar", "LoadedCalendar", "Step", "item_clock"]

S = ProjectItemState


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
    replayed, problem = reckon(lambda: _replay(steps, cal))
    if replayed is None:
        first = next((s.on for s in steps if s.state == S.ACCEPTED), None)
        return Clock(accepted_on=first, problem_year=problem)
    accepted_on, paused_since, paused, closed_on = replayed
    if accepted_on is None:
        return Clock(closed_on=closed_on)
    base = Clock(accepted_on=accepted_on, paused_since=paused_since, paused_days=paused, closed_on=closed_on)
    if paused_since is not None:
        used, problem = reckon(lambda: cal.between(accepted_on, paused_since) - paused)
        return replace(base, remaining_days=None if used is None else limit_days - used, problem_year=problem)
    due, problem = reckon(lambda: cal.add(accepted_on, limit_days + paused))
    if due is None:
        return replace(base, problem_year=problem)
    remaining = working_days_or_none(today, due, cal) if today is not None and closed_on is None else None
    return replace(base, due_on=due, remaining_days=remaining)


def remaining_working_days(due: dt.date | None, today: dt.date, cal: DayCounter = LIVE) -> int | None:
    """Working days from today to `due` (0: due today; negative: overdue), None when unknown."""
    return working_days_or_none(today, due, cal)
