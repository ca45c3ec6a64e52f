"""Our calendar agrees with the chinese-calendar package for every date it carries (2004–2026)."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liaison.workcal.calendar import WorkCalendar, add_working_days, is_workday, working_days_between

FIRST, LAST = dt.date(2004, 1, 1), dt.date(2026, 12, 31)
DB_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
pytestmark = pytest.mark.django_db


def test_every_date_from_2004_to_2026_matches_the_package():
    cal = WorkCalendar.load(FIRST, LAST)
    day, checked, mismatches = FIRST, 0, []
    while day <= LAST:
        if cal.is_workday(day) != chinese_calendar.is_workday(day):
            mismatches.append(day)
        day += dt.timedelta(days=1)
        checked += 1
    assert checked == (LAST - FIRST).days + 1 == 8401
    assert mismatches == []


def test_working_days_over_the_whole_package_span_match_the_package_count():
    expected = len(chinese_calendar.get_workdays(FIRST + dt.timedelta(days=1), LAST))
    assert working_days_between(FIRST, LAST) == expected


@DB_SETTINGS
@given(day=st.dates(min_value=FIRST, max_value=LAST))
def test_is_workday_matches_the_package_on_any_date(day):
    assert is_workday(day) == chinese_calendar.is_workday(day)


@DB_SETTINGS
@given(
    start=st.dates(min_value=FIRST, max_value=dt.date(2026, 6, 30)), n=st.integers(min_value=0, max_value=120)
)
def test_add_working_days_is_undone_by_working_days_between(start, n):
    due = add_working_days(start, n)
    assert working_days_between(start, due) == n
    if n:
        assert due > start
        assert chinese_calendar.is_workday(due)
        # `due` is the first day reaching n: the day before it still counts n - 1.
        assert working_days_between(start, due - dt.timedelta(days=1)) == n - 1


@DB_SETTINGS
@given(
    start=st.dates(min_value=FIRST, max_value=LAST),
    span=st.integers(min_value=0, max_value=400),
)
def test_working_days_between_is_undone_by_add_working_days(start, span):
    end = min(start + dt.timedelta(days=span), LAST)
    k = working_days_between(start, end)
    assert (
        k == len(chinese_calendar.get_workdays(start + dt.timedelta(days=1), end)) if end > start else k == 0
    )
    assert working_days_between(end, start) == -k
    reached = add_working_days(start, k)
    assert reached <= end
    assert working_days_between(reached, end) == 0
