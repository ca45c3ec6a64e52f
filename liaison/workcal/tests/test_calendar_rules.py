"""The official calendar as the centre counts deadlines: 2026's schedule, Civil Code Art. 201, the centre's table."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.workcal.calendar import (
    CalendarYearMissing,
    DaySource,
    WorkCalendar,
    add_working_days,
    calendar_days,
    is_workday,
    missing_years,
    next_year_warning,
    working_days_between,
)
from liaison.workcal.models import DayKind
from liaison.workcal.schedule_text import parse_schedule_text
from liaison.workcal.services.overrides import (
    calendar_override_delete,
    calendar_override_set,
    calendar_year_import,
)
from liaison.workcal.tests.helpers import NOTICE_2027, SCHEDULE_2027, d

pytestmark = pytest.mark.django_db


def _enter_2027(actor):
    parsed = parse_schedule_text(SCHEDULE_2027)
    return calendar_year_import(
        actor=actor, year=2027, notice=NOTICE_2027, holidays=parsed.holidays, workdays=parsed.workdays
    )


def test_five_working_days_after_30_september_2026_is_13_october():
    # 8 Oct (Thu), 9 Oct (Fri), 10 Oct (the make-up Saturday), 12 Oct (Mon), 13 Oct (Tue).
    assert add_working_days(d("2026-09-30"), 5) == d("2026-10-13")
    assert working_days_between(d("2026-09-30"), d("2026-10-13")) == 5


def test_national_day_2026_is_off_from_1_to_7_october_and_10_october_is_worked():
    for day in range(1, 8):
        assert not is_workday(dt.date(2026, 10, day)), f"2026-10-0{day}"
    assert is_workday(d("2026-10-08"))
    assert is_workday(d("2026-10-10"))  # a Saturday
    assert is_workday(d("2026-09-20"))  # the other make-up day, a Sunday
    assert not is_workday(d("2026-10-11"))


def test_spring_festival_2026_runs_15_to_23_february_with_two_make_up_saturdays():
    for day in range(15, 24):
        assert not is_workday(dt.date(2026, 2, day)), f"2026-02-{day}"
    assert is_workday(d("2026-02-14"))  # Saturday before
    assert is_workday(d("2026-02-28"))  # Saturday after
    assert is_workday(d("2026-02-13"))
    assert is_workday(d("2026-02-24"))
    info = {i.date: i for i in calendar_days(d("2026-02-13"), d("2026-02-28"))}
    assert info[d("2026-02-14")].kind == "makeup"
    assert info[d("2026-02-14")].name == "春节"
    assert info[d("2026-02-16")].kind == "holiday"
    assert info[d("2026-02-16")].source == DaySource.PACKAGE
    assert info[d("2026-02-24")].kind == "workday"
    # 10 working days after 13 Feb (Fri): 14 (Sat, worked) is 1, 24–27 Feb are 2–5, 28 (Sat) is 6,
    # 2–5 March are 7–10.
    assert add_working_days(d("2026-02-13"), 10) == d("2026-03-05")


def test_the_starting_day_is_not_counted():
    monday = d("2026-10-12")
    assert add_working_days(monday, 1) == d("2026-10-13")
    assert add_working_days(monday, 0) == monday
    assert working_days_between(monday, monday) == 0
    assert working_days_between(monday, d("2026-10-13")) == 1
    # A Friday deadline counted from Friday lands on the next Monday, not on Friday itself.
    assert add_working_days(d("2026-10-16"), 1) == d("2026-10-19")
    with pytest.raises(ValueError):
        add_working_days(monday, -1)


def test_a_centre_override_beats_the_package(center_admin):
    day = d("2026-10-09")  # a Friday worked by the package
    assert is_workday(day)
    calendar_override_set(actor=center_admin, date=day, kind=DayKind.HOLIDAY, name="临时调整")
    assert not is_workday(day)
    assert add_working_days(d("2026-09-30"), 5) == d("2026-10-14")
    (info,) = calendar_days(day, day)
    assert (info.kind, info.name, info.source) == ("holiday", "临时调整", DaySource.OVERRIDE)

    calendar_override_set(actor=center_admin, date=d("2026-10-11"), kind=DayKind.WORKDAY, name="加班")
    assert is_workday(d("2026-10-11"))
    calendar_override_delete(actor=center_admin, date=day)
    assert is_workday(day)


def test_a_year_no_source_covers_raises_naming_that_year():
    with pytest.raises(CalendarYearMissing, match="2027") as caught:
        is_workday(d("2027-03-01"))
    assert caught.value.year == 2027
    assert "2027年的节假日安排尚未录入" in str(caught.value.message)
    with pytest.raises(CalendarYearMissing, match="2027"):
        add_working_days(d("2026-12-28"), 5)
    with pytest.raises(CalendarYearMissing, match="2027"):
        working_days_between(d("2026-12-25"), d("2027-01-05"))
    assert missing_years([2026, 2027, 2028]) == [2027, 2028]
    (info,) = calendar_days(d("2027-03-01"), d("2027-03-01"))
    assert (info.is_workday, info.source) == (None, DaySource.MISSING)


def test_after_entering_2027_the_arithmetic_crosses_the_new_year(center_admin):
    _enter_2027(center_admin)
    # 31 Dec 2026 (Thu) is 1; 1 Jan 2027 is New Year; 2–3 Jan weekend; 4 Jan is 2; 5 Jan is 3.
    assert add_working_days(d("2026-12-30"), 3) == d("2027-01-05")
    assert working_days_between(d("2026-12-30"), d("2027-01-05")) == 3
    assert not is_workday(d("2027-01-01"))
    assert is_workday(d("2027-01-31"))  # a make-up Sunday
    assert not is_workday(d("2027-02-08"))  # inside Spring Festival
    assert is_workday(d("2027-03-01"))  # an ordinary Monday: the weekday rule
    assert not is_workday(d("2027-03-06"))  # an ordinary Saturday
    assert missing_years([2027]) == []
    (info,) = calendar_days(d("2027-03-01"), d("2027-03-01"))
    assert info.source == DaySource.ENTERED
    assert WorkCalendar.load(d("2027-01-01"), d("2027-12-31")).covers(2027)


def test_next_year_warning_starts_on_1_november_while_next_year_is_missing(center_admin):
    assert next_year_warning(d("2026-10-31")) is None
    assert next_year_warning(d("2026-06-15")) is None
    assert next_year_warning(d("2026-11-01")) == 2027
    assert next_year_warning(d("2026-12-31")) == 2027
    assert next_year_warning(d("2025-11-01")) is None  # 2026 comes with the package
    _enter_2027(center_admin)
    assert next_year_warning(d("2026-11-01")) is None
    assert next_year_warning(d("2027-11-01")) == 2028
