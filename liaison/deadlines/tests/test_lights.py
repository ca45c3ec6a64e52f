"""The engine's date -> light rule and reminder schedule, for every kind of deadline, across National Day
2026 (1–7 October off, 8–9 October and the make-up Saturday 10 October worked)."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.deadlines.kinds import deadline_kinds
from liaison.deadlines.lights import Light, LightSummary, context_for, light_context, light_of, worst_light
from liaison.deadlines.schedule import crossing
from liaison.deadlines.services.settings import deadline_settings_update
from liaison.workcal.counters import LoadedCalendar

pytestmark = pytest.mark.django_db
D = dt.date
KINDS = [k.code for k in deadline_kinds()]


def test_every_app_declared_its_kinds():
    assert set(KINDS) == {
        "tracking.item",
        "tracking.obligation",
        "consultation.reply",
        "coordination.difficulty",
        "coordination.action",
        "closure.receipt",
        "closure.confirmation",
        "evaluation.invitation",
        "evaluation.verify",
        "evaluation.rectify",
        "evaluation.return",
        "evaluation.visit",
        "complaints.reply",
        "complaints.cooperation",
        "complaints.registration",
        "complaints.task",
        "supervision.rectify",
        "publicity.enquiry",
    }


@pytest.mark.parametrize("kind", KINDS)
def test_yellow_counts_working_days_across_national_day_for_each_kind(kind, center_admin):
    deadline_settings_update(actor=center_admin, kind=kind, warning_days=2, repeat_days=2)
    due = D(2026, 10, 9)  # Friday after the holiday
    # 30 September: 1–7 October are holidays, so 8 October is 1 working day on, 9 October 2: yellow
    assert light_of(due, light_context(kind, D(2026, 9, 30))) == Light.YELLOW
    # 29 September: 30 Sept, 8 Oct, 9 Oct — 3 working days: still green
    assert light_of(due, light_context(kind, D(2026, 9, 29))) == Light.GREEN
    assert light_of(due, light_context(kind, D(2026, 10, 9))) == Light.YELLOW  # due today
    assert light_of(due, light_context(kind, D(2026, 10, 10))) == Light.RED  # the make-up Saturday
    assert light_of(None, light_context(kind, D(2026, 10, 10))) == Light.UNKNOWN


@pytest.mark.parametrize("kind", KINDS)
def test_overdue_reminders_repeat_every_n_working_days_with_the_make_up_saturday_counted(kind, center_admin):
    deadline_settings_update(actor=center_admin, kind=kind, warning_days=1, repeat_days=2)
    due = D(2026, 9, 29)
    cal = LoadedCalendar(due, D(2026, 10, 31))
    steps = {day: crossing(due, day, 2, cal).step for day in (D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 7))}
    assert steps == {D(2026, 9, 29): "yellow", D(2026, 9, 30): "red", D(2026, 10, 7): "red"}  # 1 late
    assert crossing(due, D(2026, 10, 8), 2, cal).step == "overdue1"  # 30 Sept and 8 Oct: 2 late
    assert crossing(due, D(2026, 10, 9), 2, cal).step == "overdue1"  # 3 late
    assert crossing(due, D(2026, 10, 10), 2, cal).step == "overdue2"  # the make-up Saturday: 4 late
    assert crossing(due, D(2026, 10, 11), 2, cal).step == "overdue2"  # Sunday rests


def test_a_warning_of_zero_days_means_yellow_on_the_day_itself():
    ctx = context_for(D(2026, 10, 9), 0)
    assert (light_of(D(2026, 10, 9), ctx), light_of(D(2026, 10, 10), ctx)) == (Light.YELLOW, Light.GREEN)


def test_the_worst_light_wins():
    assert worst_light([Light.GREEN, Light.UNKNOWN, Light.YELLOW]) == Light.YELLOW
    assert (LightSummary({Light.RED: 1}) + LightSummary({Light.GREEN: 2})).worst == Light.RED
    assert LightSummary().worst == Light.NONE
