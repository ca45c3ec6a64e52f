"""The background worker killed with SIGKILL in the middle of the tracking reminder run: the rerun
finishes, every reminder (in-app and by email) is sent exactly once, nothing is half-written.

A real `manage.py db_worker` process runs the queued `tracking_reminders_run` and is killed while the
second of its two sends (the enterprise's to-dos) has written everything but not committed; the first
(the items) had committed. The scheduler's next round enqueues the job again and a new worker runs it.
"""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import signal
from collections import Counter

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from liaison.coordination.tests.conftest import case  # noqa: F401 - fixture
from liaison.deadlines.models import ReminderSent, Threshold
from liaison.intake.tests.test_concurrency import shared_database  # noqa: F401 - fixture
from liaison.intake.tests.test_services_support import fast_passwords, world  # noqa: F401 - fixtures
from liaison.notifications.models import Notification
from liaison.testing.faults import manage, manage_killed_at
from liaison.tracking.deadline_kinds import ITEM, OBLIGATION
from liaison.tracking.tasks import tracking_reminders_run
from liaison.web.tests.deadline_builders import one_of_each

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
WORKER = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")
EMAIL_TASK = "liaison.notifications.tasks.send_notification_email"


def _reminders(*prefixes: str):
    kinds = [f"{prefix}.{threshold}" for prefix in prefixes for threshold in Threshold.values]
    return Notification.objects.filter(kind__in=kinds, in_app=True)


def _queued_emails() -> Counter[int]:
    tasks = DBTaskResult.objects.filter(task_path=EMAIL_TASK).values_list("args_kwargs", flat=True)
    return Counter(args["args"][0] for args in tasks)


def test_a_worker_killed_mid_run_leaves_no_half_and_the_rerun_sends_each_reminder_once(
    shared_database, case, tmp_path
):
    one_of_each(case)
    tracking_reminders_run.enqueue()

    code = manage_killed_at(f"reminders_send:{OBLIGATION.code}", tmp_path, *WORKER)

    assert code == -signal.SIGKILL
    # the items' send had committed, whole: log rows, in-app reminders, digests and their email tasks
    items = ReminderSent.objects.filter(kind=ITEM.code)
    assert items.count() > 0
    assert _reminders("reminder").count() == items.count()
    assert not _reminders("reminder").filter(digest__isnull=True).exists()
    digests = list(Notification.objects.filter(in_app=False).values_list("pk", flat=True))
    assert digests and all(_queued_emails()[pk] == 1 for pk in digests)
    # the to-dos' send was open when the worker died: none of it
    assert not ReminderSent.objects.filter(kind=OBLIGATION.code).exists()
    assert not _reminders("obligation").exists()

    tracking_reminders_run.enqueue()  # the scheduler's next round
    manage(*WORKER)

    sent = Counter(
        ReminderSent.objects.values_list(
            "kind", "subject_id", "due_on", "threshold", "repeat_no", "recipient"
        )
    )
    assert {kind for kind, *_rest in sent} == {ITEM.code, OBLIGATION.code} and max(sent.values()) == 1
    assert ReminderSent.objects.filter(kind=ITEM.code).count() == items.count()  # none sent again
    notes = Counter(_reminders("reminder", "obligation").values_list("recipient_id", "event_key"))
    assert max(notes.values()) == 1
    assert _reminders("obligation").count() == ReminderSent.objects.filter(kind=OBLIGATION.code).count()
    assert not _reminders("reminder", "obligation").filter(digest__isnull=True).exists()
    # by email: every digest queued once and mailed once by the rerun worker
    all_digests = Notification.objects.filter(in_app=False)
    assert all_digests.count() > len(digests)
    assert all(_queued_emails()[pk] == 1 for pk in all_digests.values_list("pk", flat=True))
    assert not all_digests.filter(email_sent_at__isnull=True).exists()
    mail.outbox.clear()
    call_command(*WORKER, verbosity=0)  # nothing is left to send
    assert not [m for m in mail.outbox if m.subject.startswith("【联络官平台】")]
