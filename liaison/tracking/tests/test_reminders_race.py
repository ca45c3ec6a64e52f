"""Two workers running the reminders job at once never send a reminder twice.

The threads really run at once. On PostgreSQL the second worker's insert of the same ReminderSent waits on
the first one's unique index entry and fails when it commits; on SQLite the IMMEDIATE transactions and the
busy timeout serialise the writers and the insert fails the same way. The database is shared with the
threads as in liaison/intake/tests/test_concurrency.py (on SQLite it is copied to a file for the test).
"""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from liaison.deadlines.models import ReminderSent
from liaison.intake.tests.test_concurrency import at_once, shared_database  # noqa: F401 - fixture
from liaison.intake.tests.test_services_support import ensure_thresholds
from liaison.notifications.models import Notification
from liaison.testing.races import second_meets_open_first
from liaison.testing.reminders import crossings
from liaison.tracking.lights import tracking_settings
from liaison.tracking.services.reminders import ReminderRun, reminders_run
from liaison.tracking.tests.builders import dispatched_project, draft
from liaison.tracking.tests.conftest import START

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
MONDAY = dt.date(2026, 9, 28)  # per plan: A is yellow, E is red
PROJECTS = 4


@pytest.fixture
def plans(shared_database: None, world: Any, request: pytest.FixtureRequest) -> Any:
    ensure_thresholds(world.center_admin)  # an earlier transactional test may have flushed them
    track = request.getfixturevalue("track")
    tracking_settings()  # the settings row exists before the workers start
    draft(track.world, track.project, START)
    for n in range(PROJECTS - 1):
        draft(track.world, dispatched_project(track.world, name=f"并发提醒项目{n}"), START)
    return track


def _no_duplicates() -> None:
    keys = Counter(
        ReminderSent.objects.values_list(
            "kind", "subject_id", "threshold", "due_on", "repeat_no", "recipient"
        )
    )
    assert keys and max(keys.values()) == 1
    notes = Counter(
        Notification.objects.filter(kind__startswith="reminder.").values_list("recipient_id", "event_key")
    )
    assert max(notes.values()) == 1
    # by email: the digests list every in-app reminder exactly once, to its own recipient
    items = Notification.objects.filter(kind__startswith="reminder.", in_app=True)
    assert not items.filter(digest__isnull=True).exists()
    assert all(n.digest.recipient_id == n.recipient_id for n in items.select_related("digest"))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    digests = Notification.objects.filter(in_app=False)
    emailed = [m for m in mail.outbox if m.subject.startswith("【联络官平台】")]  # not the setup's mails
    assert len(emailed) == digests.count() and not digests.filter(email_sent_at__isnull=True).exists()


def test_two_workers_started_together_send_each_reminder_exactly_once(plans):
    results = at_once([lambda: reminders_run(today=MONDAY), lambda: reminders_run(today=MONDAY)])

    assert all(isinstance(r, ReminderRun) for r in results), results
    assert sum(r.sent for r in results) == 2 * PROJECTS
    assert len(crossings("tracking.item")) == 2 * PROJECTS
    assert Notification.objects.filter(kind__startswith="reminder.").count() == 2 * PROJECTS
    _no_duplicates()
    # both started at once: whoever inserted first told everybody, one digest per person
    assert Notification.objects.filter(in_app=False).count() == items_recipients()


def items_recipients() -> int:
    rows = Notification.objects.filter(kind__startswith="reminder.", in_app=True)
    return rows.values("recipient_id").distinct().count()


def test_a_worker_that_meets_another_mid_send_waits_for_it_and_sends_nothing(plans):
    # worker A has inserted its rows but not committed yet when worker B starts
    race = second_meets_open_first(lambda: reminders_run(today=MONDAY), lambda: reminders_run(today=MONDAY))

    assert isinstance(race.first, ReminderRun), race
    assert isinstance(race.second, ReminderRun), race
    assert (race.first.sent, race.second.sent) == (2 * PROJECTS, 0)
    assert race.second.already_sent == 2 * PROJECTS
    assert race.waited >= 0.4  # it really waited for the first worker's transaction
    _no_duplicates()
    assert Notification.objects.filter(in_app=False).count() == items_recipients()
