"""One policy for a year the calendar lacks: nothing fails, nothing guesses (chinese-calendar 1.11 ends
with 2026; a later year counts only once the centre enters it)."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.deadlines.calendar_policy import (
    calendar_problem,
    deadline_after,
    warning_limit,
    working_days_or_none,
)
from liaison.deadlines.lights import Light, context_for, light_of
from liaison.deadlines.schedule import crossing
from liaison.workcal.services.overrides import calendar_year_import

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_deadline_in_a_missing_year_is_empty_with_the_year_named():
    deadline = deadline_after(D(2026, 12, 28), 10)
    assert (deadline.due_on, deadline.problem_year) == (None, 2027)
    assert "2027年的节假日安排尚未录入工作日历" in calendar_problem(deadline.problem_year)
    assert deadline_after(D(2026, 12, 21), 3).due_on == D(2026, 12, 24)


def test_the_warning_limit_stops_at_the_last_day_entered_and_says_so():
    limit = warning_limit(D(2026, 12, 29), 5)
    assert (limit.day, limit.complete, limit.problem_year) == (D(2026, 12, 31), False, 2027)
    ctx = context_for(D(2026, 12, 29), 5)
    assert light_of(D(2026, 12, 31), ctx) == Light.YELLOW  # within what can be counted
    assert light_of(D(2027, 1, 15), ctx) == Light.UNKNOWN  # cannot be told: "calendar missing", not green
    assert light_of(D(2026, 12, 28), ctx) == Light.RED  # past is past whatever next year holds


def test_lateness_across_a_missing_year_is_not_counted_so_reminders_stay_at_red(center_admin):
    assert working_days_or_none(D(2026, 12, 30), D(2027, 1, 20)) is None
    assert crossing(D(2026, 12, 30), D(2027, 1, 20), 2).step == "red"
    calendar_year_import(
        actor=center_admin,
        year=2027,
        notice="国办发明电〔2026〕7号",
        holidays=[(D(2027, 1, 1), "元旦")],
        workdays=[],
    )
    assert crossing(D(2026, 12, 30), D(2027, 1, 20), 2).step.startswith("overdue")
    assert deadline_after(D(2026, 12, 28), 10).due_on is not None
