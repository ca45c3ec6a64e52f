"""Reply deadline lights and reminders: once per threshold crossing and recipient, even with two workers."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command

from liaison.consultations.lights import Light, reply_light_context, with_reply_light
from liaison.consultations.models import Consultation
from liaison.consultations.services.reminders import consultation_reminders_run
from liaison.consultations.services.settings import consultation_settings_save
from liaison.consultations.settings_row import consultation_settings
from liaison.core.errors import DomainError, PermissionDenied
from liaison.intake.tests.test_concurrency import at_once, shared_database  # noqa: F401 - fixture
from liaison.notifications.models import Notification

MONDAY = dt.date(2026, 9, 28)
DUE_TUESDAY = dt.date(2026, 9, 29)


def _due(c: Consultation, due: dt.date | None) -> Consultation:
    Consultation.objects.filter(pk=c.pk).update(reply_due=due)
    c.refresh_from_db()
    return c


def _light(c: Consultation, today: dt.date) -> str:
    return with_reply_light(Consultation.objects.filter(pk=c.pk), reply_light_context(today)).get().light


@pytest.mark.django_db
def test_lights_follow_the_deadline_in_working_days(desk):
    c = _due(desk.raise_(), DUE_TUESDAY)
    assert _light(c, dt.date(2026, 9, 25)) == Light.GREEN  # Friday: 2 working days ahead
    assert _light(c, MONDAY) == Light.YELLOW  # one working day ahead (threshold 1)
    assert _light(c, DUE_TUESDAY) == Light.YELLOW
    assert _light(c, dt.date(2026, 9, 30)) == Light.RED
    assert _light(_due(c, None), MONDAY) == Light.UNKNOWN


@pytest.mark.django_db
def test_each_threshold_is_reminded_once(desk):
    c = _due(desk.raise_(), DUE_TUESDAY)
    first = consultation_reminders_run(today=MONDAY)
    again = consultation_reminders_run(today=MONDAY)
    assert first.sent == 1 and again.sent == 0 and again.already_sent == 1
    red = consultation_reminders_run(today=dt.date(2026, 9, 30))
    assert red.sent == 2  # the guide and the officer hear of the overdue reply
    # then every 2 working days overdue (default); 1–7 October 2026 is the National Day holiday
    assert consultation_reminders_run(today=dt.date(2026, 10, 7)).sent == 0  # still 1 working day late
    assert consultation_reminders_run(today=dt.date(2026, 10, 8)).sent == 2  # 2 late: first repeat
    assert consultation_reminders_run(today=dt.date(2026, 10, 9)).sent == 0  # 3 late
    assert consultation_reminders_run(today=dt.date(2026, 10, 10)).sent == 2  # make-up Saturday: 4 late
    keys = Counter(
        Notification.objects.filter(kind="consultation.reminder").values_list("recipient_id", "event_key")
    )
    assert max(keys.values()) == 1
    assert Notification.objects.filter(kind="consultation.reminder", recipient=desk.guide).count() == 4
    assert c.pk


@pytest.mark.django_db
def test_answered_consultations_are_not_reminded(desk):
    from liaison.consultations.services.replies import consultation_reply
    from liaison.consultations.tests.builders import reply_form

    c = _due(desk.raise_(), DUE_TUESDAY)
    consultation_reply(actor=desk.guide, consultation=c, form=reply_form())
    assert consultation_reminders_run(today=dt.date(2026, 9, 30)).sent == 0


@pytest.mark.django_db
def test_settings_are_the_centres_and_validated(desk, world):
    with pytest.raises(PermissionDenied):
        consultation_settings_save(
            actor=desk.officer, reply_days=3, yellow_threshold_days=1, overdue_repeat_days=2
        )
    with pytest.raises(DomainError) as err:
        consultation_settings_save(
            actor=world.center_admin, reply_days=0, yellow_threshold_days=0, overdue_repeat_days=2
        )
    assert err.value.field == "reply_days"
    with pytest.raises(DomainError) as err:
        consultation_settings_save(
            actor=world.center_admin, reply_days=2, yellow_threshold_days=2, overdue_repeat_days=2
        )
    assert err.value.field == "yellow_threshold_days"
    consultation_settings_save(
        actor=world.center_admin, reply_days=5, yellow_threshold_days=2, overdue_repeat_days=3
    )
    assert consultation_settings().reply_days == 5
    assert desk.raise_().reply_due is not None


@pytest.mark.django_db
def test_scheduler_enqueues_both_reminder_jobs(capsys):
    call_command("scheduler", "--once")
    out = capsys.readouterr().out
    assert "tracking_reminders_run" in out and "consultation_reminders_job" in out


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reminder_exactly_once(shared_database, request: Any):
    desk = request.getfixturevalue("desk")
    consultation_settings()
    for _n in range(3):
        _due(desk.raise_(), DUE_TUESDAY)
    results = at_once(
        [lambda: consultation_reminders_run(today=MONDAY), lambda: consultation_reminders_run(today=MONDAY)]
    )
    assert all(not isinstance(r, Exception) for r in results), results
    assert sum(r.sent for r in results) == 3
    keys = Counter(
        Notification.objects.filter(kind="consultation.reminder").values_list("recipient_id", "event_key")
    )
    assert len(keys) == 3 and max(keys.values()) == 1
