"""The legal clock: working days from acceptance, paused during 补正, across the 2026 National Day holiday."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.tracking.clock import LoadedCalendar, Step, item_clock, remaining_working_days
from liaison.workcal.calendar import add_working_days, working_days_between

pytestmark = pytest.mark.django_db
D = dt.date


def steps(*pairs: tuple[str, dt.date]) -> list[Step]:
    return [Step(state, day) for state, day in pairs]


def test_the_limit_counts_working_days_after_acceptance_and_the_acceptance_day_is_not_counted():
    clock = item_clock(limit_days=3, steps=steps(("accepted", D(2026, 9, 14))), today=D(2026, 9, 14))
    assert clock.due_on == D(2026, 9, 17)
    assert clock.remaining_days == 3


def test_a_limit_running_into_national_day_skips_the_holiday_and_ends_on_the_make_up_saturday():
    # 29, 30 September, then 1–7 October off, 8 and 9 October, and Saturday 10 October is a working day.
    clock = item_clock(limit_days=5, steps=steps(("accepted", D(2026, 9, 28))))
    assert clock.due_on == D(2026, 10, 10)
    assert clock.due_on.weekday() == 5


def test_the_sunday_after_the_make_up_saturday_is_a_rest_day_again():
    clock = item_clock(limit_days=6, steps=steps(("accepted", D(2026, 9, 28))))
    assert clock.due_on == D(2026, 10, 12)


def test_the_clock_pauses_at_the_supplement_request_and_shows_the_frozen_remainder():
    clock = item_clock(
        limit_days=5,
        steps=steps(("accepted", D(2026, 9, 28)), ("supplement_requested", D(2026, 9, 30))),
        today=D(2026, 10, 20),
    )
    assert clock.is_paused
    assert clock.due_on is None
    assert clock.remaining_days == 3  # 29 and 30 September were used


def test_the_clock_resumes_at_resubmission_and_the_paused_working_days_do_not_count():
    clock = item_clock(
        limit_days=5,
        steps=steps(
            ("accepted", D(2026, 9, 28)),
            ("supplement_requested", D(2026, 9, 30)),
            ("resubmitted", D(2026, 10, 9)),
        ),
        today=D(2026, 10, 9),
    )
    assert clock.paused_days == 2  # 8 and 9 October; the holiday was never counted anyway
    assert clock.due_on == D(2026, 10, 13)
    assert clock.due_on == add_working_days(D(2026, 10, 9), 3)
    assert clock.remaining_days == 3


def test_a_resubmission_on_a_holiday_resumes_on_the_next_working_day():
    clock = item_clock(
        limit_days=5,
        steps=steps(
            ("accepted", D(2026, 9, 28)),
            ("supplement_requested", D(2026, 9, 29)),
            ("resubmitted", D(2026, 10, 3)),
        ),
    )
    assert clock.paused_days == 1  # only 30 September
    assert clock.due_on == D(2026, 10, 12)  # 8, 9, 10 (make-up), 12 … four days left after the pause


def test_several_supplement_rounds_add_up_and_a_second_acceptance_does_not_restart_the_clock():
    history = steps(
        ("submitted", D(2026, 9, 14)),
        ("accepted", D(2026, 9, 15)),
        ("supplement_requested", D(2026, 9, 16)),
        ("resubmitted", D(2026, 9, 18)),  # 17 and 18 paused
        ("accepted", D(2026, 9, 21)),
        ("supplement_requested", D(2026, 9, 22)),
        ("resubmitted", D(2026, 9, 24)),  # 23 and 24 paused
    )
    clock = item_clock(limit_days=10, steps=history)
    assert clock.accepted_on == D(2026, 9, 15)
    assert clock.paused_days == 4
    assert clock.due_on == add_working_days(D(2026, 9, 15), 14)


def test_before_acceptance_there_is_no_legal_due_date():
    clock = item_clock(limit_days=5, steps=steps(("preparing", D(2026, 9, 1)), ("submitted", D(2026, 9, 2))))
    assert clock.due_on is None and clock.accepted_on is None


def test_overdue_shows_as_negative_remaining_working_days():
    clock = item_clock(limit_days=5, steps=steps(("accepted", D(2026, 9, 28))), today=D(2026, 10, 13))
    assert clock.due_on == D(2026, 10, 10)
    assert clock.remaining_days == -2  # 12 and 13 October


def test_a_closed_item_keeps_its_due_date_but_has_no_remaining_days():
    clock = item_clock(
        limit_days=5,
        steps=steps(("accepted", D(2026, 9, 28)), ("approved", D(2026, 9, 30))),
        today=D(2026, 11, 2),
    )
    assert clock.closed_on == D(2026, 9, 30)
    assert clock.remaining_days is None


def test_a_due_date_in_a_year_without_a_calendar_is_reported_not_raised():
    clock = item_clock(limit_days=10, steps=steps(("accepted", D(2026, 12, 24))), today=D(2026, 12, 24))
    assert clock.due_on is None
    assert clock.problem_year == 2027
    assert clock.accepted_on == D(2026, 12, 24)
    assert remaining_working_days(D(2027, 1, 8), D(2026, 12, 24)) is None


def test_the_loaded_calendar_agrees_with_the_working_day_calendar_across_the_autumn_holidays():
    start, end = D(2026, 9, 1), D(2026, 11, 30)
    loaded = LoadedCalendar(start, end)
    for offset in range(0, 60, 3):
        day = start + dt.timedelta(days=offset)
        assert loaded.add(day, 7) == add_working_days(day, 7), day
        assert loaded.between(day, end) == working_days_between(day, end), day
        assert loaded.between(end, day) == working_days_between(end, day), day


def test_the_loaded_calendar_reads_days_outside_its_window_from_the_live_calendar():
    loaded = LoadedCalendar(D(2026, 9, 1), D(2026, 9, 30))
    assert loaded.add(D(2026, 9, 28), 5) == D(2026, 10, 10)
