"""Within a GET request the calendar is read once per year and answers as a fresh load would."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.core.request_memo import memo_scope
from liaison.workcal.calendar import WorkCalendar
from liaison.workcal.models import CalendarOverride, CalendarYear, DayKind

pytestmark = pytest.mark.django_db


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def test_memoized_loads_read_each_year_once_and_answer_like_fresh_loads() -> None:
    CalendarYear.objects.get_or_create(year=2031)
    CalendarOverride.objects.create(date=dt.date(2031, 1, 2), kind=DayKind.HOLIDAY, name="测试假日")
    CalendarOverride.objects.create(date=dt.date(2030, 12, 29), kind=DayKind.WORKDAY, name="测试调休")
    windows = [
        (dt.date(2030, 12, 20), dt.date(2031, 1, 10)),
        (dt.date(2031, 1, 1), dt.date(2031, 1, 31)),
        (dt.date(2030, 12, 1), dt.date(2030, 12, 31)),
    ]
    fresh = [WorkCalendar.load(a, b) for a, b in windows]
    with memo_scope(), CaptureQueriesContext(connection) as queries:
        kept = [WorkCalendar.load(a, b) for a, b in windows]
    assert len(queries.captured_queries) == 2  # the overrides and the entered years of 2030–2031, once
    for (a, b), one, other in zip(windows, fresh, kept, strict=True):
        assert [other.day_info(day) for day in _days(a, b)] == [one.day_info(day) for day in _days(a, b)]
        assert all(one.covers(y) == other.covers(y) for y in range(a.year, b.year + 1))
