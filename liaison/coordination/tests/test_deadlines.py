"""Deadlines of difficulties in working days (the centre's settings), their lights, the reminders sent
exactly once, and the settings page."""

# ruff: noqa: F811 - the shared fixture is imported by name and then requested as an argument

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.coordination.deadlines import (
    coordination_settings,
    deadline_context,
    due_after_step,
    with_deadline_light,
)
from liaison.coordination.models import CoordinationSettings, Difficulty
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step
from liaison.coordination.services.reminders import difficulty_reminders_run
from liaison.coordination.services.settings import coordination_settings_save
from liaison.core.errors import DomainError, PermissionDenied
from liaison.intake.tests.test_concurrency import shared_database  # noqa: F401 - fixture
from liaison.notifications.models import Notification
from liaison.testing.races import second_meets_open_first
from liaison.testing.reminders import crossings
from liaison.workcal.calendar import add_working_days

pytestmark = pytest.mark.django_db
D = dt.date


def _reported(case):
    d = difficulty_raise(
        actor=case.world.officer_user,
        project=case.project,
        title="审图意见反复",
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    return difficulty_step(actor=case.world.officer_user, difficulty=d, name="report", comment="需协调")


def test_due_dates_count_working_days_across_national_day():
    row = CoordinationSettings(response_days=3, feedback_days=1)
    # 1–7 October 2026 are holidays; 8, 9 and the make-up Saturday 10 October are working days
    assert due_after_step(
        target="reported", previous="open", previous_due=None, day=D(2026, 9, 30), settings=row
    ) == D(2026, 10, 10)
    assert due_after_step(
        target="concluded", previous="escalated", previous_due=None, day=D(2026, 9, 30), settings=row
    ) == D(2026, 10, 8)
    # a declined proposal goes back to the centre with the deadline it had; approval keeps it too
    kept = D(2026, 11, 3)
    assert (
        due_after_step(
            target="reported",
            previous="awaiting_approval",
            previous_due=kept,
            day=D(2026, 11, 20),
            settings=row,
        )
        == kept
    )
    assert (
        due_after_step(
            target="awaiting_approval",
            previous="reported",
            previous_due=kept,
            day=D(2026, 11, 20),
            settings=row,
        )
        == kept
    )
    for target in ("open", "escalated", "resolved", "withdrawn"):
        assert (
            due_after_step(
                target=target, previous="reported", previous_due=kept, day=D(2026, 11, 20), settings=row
            )
            is None
        )


def test_steps_set_and_clear_the_deadline(case):
    w = case.world
    d = _reported(case)
    today = timezone.localdate()
    assert d.due_on == add_working_days(today, coordination_settings().response_days)
    first_due = d.due_on
    d = difficulty_step(actor=w.center_admin, difficulty=d, name="escalate", comment="提交", category="other")
    assert d.due_on == first_due
    d = difficulty_step(
        actor=w.center_leader, difficulty=d, name="decline_escalation", comment="中心继续协调"
    )
    assert (d.state, d.due_on) == ("reported", first_due)
    d = difficulty_step(actor=w.center_admin, difficulty=d, name="escalate", comment="再提", category="other")
    d = difficulty_step(actor=w.center_leader, difficulty=d, name="approve_escalation", comment="同意")
    assert d.due_on is None  # the project office's meeting decides; no period here
    d = difficulty_step(actor=w.project_office, difficulty=d, name="conclude", comment="已明确")
    assert d.due_on == add_working_days(today, coordination_settings().feedback_days)
    d = difficulty_step(actor=w.center_admin, difficulty=d, name="feed_back", comment="已反馈")
    assert d.due_on is None


def _light(d, today):
    return with_deadline_light(Difficulty.objects.filter(pk=d.pk), deadline_context(today)).get().light


def test_lights_and_reminders_once_per_threshold(case):
    w = case.world
    d = _reported(case)
    Difficulty.objects.filter(pk=d.pk).update(due_on=D(2026, 10, 13))  # Tuesday
    assert _light(d, D(2026, 10, 9)) == "green"
    assert _light(d, D(2026, 10, 12)) == "yellow"  # due within one working day
    assert _light(d, D(2026, 10, 14)) == "red"

    assert difficulty_reminders_run(today=D(2026, 10, 12)).sent == 1
    assert difficulty_reminders_run(today=D(2026, 10, 12)).already_sent == 1
    assert difficulty_reminders_run(today=D(2026, 10, 14)).sent == 1
    assert difficulty_reminders_run(today=D(2026, 10, 15)).sent == 0
    assert [c[1] for c in crossings("coordination.difficulty")] == ["yellow", "red"]
    told = set(
        Notification.objects.filter(kind="difficulty.reminder.red").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {w.center_admin.username}

    difficulty_step(actor=w.center_admin, difficulty=d, name="escalate", comment="提交", category="other")
    Difficulty.objects.filter(pk=d.pk).update(due_on=D(2026, 10, 16))  # another deadline: another crossing
    assert difficulty_reminders_run(today=D(2026, 10, 19)).sent == 1
    leader_told = Notification.objects.filter(kind="difficulty.reminder.red", recipient=w.center_leader)
    assert leader_told.exists()  # awaiting the leader's approval: the leader is reminded too


def test_an_overdue_difficulty_is_reminded_again_every_n_working_days(case):
    d = _reported(case)
    Difficulty.objects.filter(pk=d.pk).update(due_on=D(2026, 9, 29))
    # 1 (30 Sept), 2 (8 Oct), 3 (9 Oct) and 4 (the make-up Saturday) working days late; every 3 by default
    sent = [
        difficulty_reminders_run(today=day).sent
        for day in (D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 9), D(2026, 10, 10))
    ]
    assert sent == [1, 0, 1, 0]
    assert [(c[1], c[3]) for c in crossings("coordination.difficulty")] == [("red", 0), ("overdue", 1)]
    assert (
        Notification.objects.filter(kind="difficulty.reminder.red", recipient=case.world.center_admin).count()
        == 2
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_send_a_reminder_once(shared_database, case):
    d = _reported(case)
    Difficulty.objects.filter(pk=d.pk).update(due_on=D(2026, 10, 13))
    race = second_meets_open_first(
        lambda: difficulty_reminders_run(today=D(2026, 10, 14)),
        lambda: difficulty_reminders_run(today=D(2026, 10, 14)),
    )
    assert (race.first.sent, race.second.sent) == (1, 0), race
    assert len(crossings("coordination.difficulty")) == 1
    assert Notification.objects.filter(kind="difficulty.reminder.red").count() == 1


def test_the_centre_sets_the_periods_and_bad_values_are_refused(client, case):
    w = case.world
    with pytest.raises(PermissionDenied):
        coordination_settings_save(
            actor=w.officer_user, response_days=3, feedback_days=2, yellow_threshold_days=1
        )
    with pytest.raises(DomainError) as refused:
        coordination_settings_save(
            actor=w.center_admin, response_days=0, feedback_days=2, yellow_threshold_days=1
        )
    assert refused.value.field == "response_days"
    client.force_login(w.center_admin)
    bad = client.post(
        reverse("coordination:settings"),
        {"response_days": "五", "feedback_days": 2, "yellow_threshold_days": 1},
    )
    assert bad.status_code == 400 and "请填写整数。" in bad.content.decode()
    assert coordination_settings().response_days == 5
    client.post(
        reverse("coordination:settings"), {"response_days": 3, "feedback_days": 1, "yellow_threshold_days": 0}
    )
    row = coordination_settings()
    assert (row.response_days, row.feedback_days, row.yellow_threshold_days) == (3, 1, 0)
    assert AuditEvent.objects.filter(action="coordination.settings").count() == 1
    client.force_login(w.officer_user)
    assert client.get(reverse("coordination:settings")).status_code == 404


def test_the_list_shows_the_deadline_light(client, case):
    d = _reported(case)
    Difficulty.objects.filter(pk=d.pk).update(due_on=timezone.localdate() - dt.timedelta(days=1))
    client.force_login(case.world.center_admin)
    html = client.get(reverse("coordination:list")).content.decode()
    assert 'data-light="red"' in html and "已超期" in html
    detail = client.get(reverse("coordination:detail", args=[d.pk])).content.decode()
    assert 'data-testid="due"' in detail and "已超期" in detail


def test_a_deadline_the_calendar_could_not_give_is_filled_in_by_the_job(case):
    d = _reported(case)
    Difficulty.objects.filter(pk=d.pk).update(due_on=None)  # as if the year had been missing
    assert _light(d, timezone.localdate()) == "unknown"
    difficulty_reminders_run(today=timezone.localdate())
    d.refresh_from_db()
    assert d.due_on == add_working_days(
        timezone.localdate(d.reported_at), coordination_settings().response_days
    )


def test_near_the_end_of_the_last_year_entered_nothing_next_year_is_called_due_soon(case):
    ctx = deadline_context(D(2026, 12, 31))  # 2027 is not in the calendar: the threshold cannot be counted
    assert ctx.yellow_limit == D(2026, 12, 31)
    d = _reported(case)
    Difficulty.objects.filter(pk=d.pk).update(due_on=D(2027, 1, 15))
    # the one missing-year policy (liaison.deadlines): whether it is due soon cannot be told, so neither
    # "due soon" nor "in time" but "calendar missing", as on every other page with a light
    assert _light(d, D(2026, 12, 31)) == "unknown"
