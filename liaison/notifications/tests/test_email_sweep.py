"""Exactly once across a crash: a notification committed without its email task (the process killed
between the commit and the enqueue) is queued again by the recovery sweep and mailed once; the sweep
leaves alone an email whose task waits or that was sent; two sweeps and two workers at once still mail once.

SQLite: the child process and the threads need the database in a file, not pytest-django's shared-cache
memory (see liaison/intake/tests/test_concurrency.py); `shared_database` copies it there.
"""

from __future__ import annotations

import datetime as dt
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from liaison.notifications.models import Notification
from liaison.notifications.services.notify import notification_send
from liaison.notifications.services.sweep import notification_email_claim, notification_emails_sweep
from liaison.notifications.tasks import send_notification_email
from liaison.testing.faults import manage_killed_at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
LATER = dt.timedelta(minutes=11)  # past the default 10 minutes' grace
EMAIL_TASK = send_notification_email.module_path

SEND_ONE = """
from django.contrib.auth import get_user_model
from django.db import transaction
from liaison.notifications.services.notify import notification_send
with transaction.atomic():
    notification_send(recipients=[get_user_model().objects.get(pk={pk})], kind="officer", event_key="officer:1:registered",
                      title="您已登记为联络官", body="请查看。", url="/officers/")
"""
SEND_DIGEST = """
from django.db import transaction
from liaison.notifications.services.notify import Notice, notifications_send_digest
notices = [Notice(recipient_id={pk}, kind="reminder", event_key=f"r:{{n}}", title=f"事项{{n}}",
                  section="将到期") for n in (1, 2)]
with transaction.atomic():
    notifications_send_digest(notices=notices, digest_kind="reminder_digest", sections=["将到期"],
                              subject=lambda counts: "提醒摘要", heading=lambda section, n: section)
"""


@pytest.fixture
def shared_database(transactional_db: None, tmp_path: Path) -> Iterator[None]:
    """On SQLite, move the test's database to a file that a child process and threads can reach."""
    if connection.vendor != "sqlite":
        yield
        return
    settings_dict = connection.settings_dict
    memory_name = settings_dict["NAME"]
    connection.ensure_connection()
    memory = connection.connection
    path = tmp_path / "mail.sqlite3"
    with sqlite3.connect(path) as target:
        memory.backup(target)
    settings_dict["NAME"] = str(path)
    connection.connection = None
    try:
        yield
    finally:
        connection.close()
        settings_dict["NAME"] = memory_name
        connection.connection = memory


def _at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = calls[index]()
        except Exception as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a racing thread hung"
    return results


def _run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay")


def _email_tasks() -> int:
    return DBTaskResult.objects.filter(task_path=EMAIL_TASK).count()


@pytest.mark.parametrize(("script", "subject"), [(SEND_ONE, "您已登记为联络官"), (SEND_DIGEST, "提醒摘要")])
def test_a_process_killed_between_commit_and_enqueue_still_mails_once(
    shared_database, officer_user, tmp_path, script, subject
):
    code = manage_killed_at(
        "notifications:enqueue", tmp_path, "shell", "-c", script.format(pk=officer_user.pk)
    )

    assert code == -signal.SIGKILL
    note = Notification.objects.get(digest__isnull=True)  # committed: the notification or the digest
    assert (note.email_queued_at, note.email_sent_at, _email_tasks()) == (None, None, 0)  # no task: lost

    assert notification_emails_sweep() == 0  # within the grace: the enqueue may still come
    assert notification_emails_sweep(now=timezone.now() + LATER) == 1
    _run_worker()
    assert notification_emails_sweep(now=timezone.now() + 3 * LATER) == 0  # sent: never again
    _run_worker()

    assert [m.subject for m in mail.outbox] == [subject]
    assert mail.outbox[0].to == [officer_user.email]
    note.refresh_from_db()
    assert note.email_sent_at is not None and note.email_attempts == 1
    assert _email_tasks() == 1


def test_the_sweep_leaves_a_waiting_task_a_sent_email_and_a_final_failure_alone(officer_user, guide_user):
    (waiting,) = notification_send(recipients=[officer_user], kind="k", event_key="a", title="待发送")
    waiting.refresh_from_db()
    assert waiting.email_queued_at is not None and waiting.email_task_id  # the enqueue is recorded
    assert notification_emails_sweep(now=timezone.now() + 6 * LATER) == 0  # its task waits (a backlog)
    assert _email_tasks() == 1

    guide_user.email = ""
    guide_user.save(update_fields=["email"])
    notification_send(recipients=[guide_user], kind="k", event_key="b", title="无邮箱")
    _run_worker()
    assert [m.subject for m in mail.outbox] == ["待发送"]
    assert notification_emails_sweep(now=timezone.now() + 6 * LATER) == 0  # sent, or no address: final
    assert _email_tasks() == 2


def test_a_task_lost_after_it_was_queued_is_queued_again(officer_user):
    notification_send(recipients=[officer_user], kind="k", event_key="a", title="任务丢失")
    DBTaskResult.objects.all().delete()  # e.g. a worker killed while it ran, its result pruned
    assert notification_emails_sweep(now=timezone.now() + LATER) == 1
    _run_worker()
    assert [m.subject for m in mail.outbox] == ["任务丢失"]


def test_two_sweeps_and_two_workers_at_once_mail_once(shared_database, officer_user):
    # Committed without an enqueue, as after the crash above.
    lost = Notification.objects.create(recipient=officer_user, kind="k", event_key="a", title="只发一次")
    later = timezone.now() + LATER

    swept = _at_once([lambda: notification_emails_sweep(now=later)] * 2)

    assert sorted(swept) == [0, 1]
    assert _email_tasks() == 1
    lost.refresh_from_db()
    assert lost.email_task_id

    sent = _at_once([lambda: send_notification_email.call(lost.pk)] * 2)

    assert sorted(sent) == ["already-sent-or-missing", "sent"]
    assert [m.subject for m in mail.outbox] == ["只发一次"]


def test_of_two_sweeps_that_read_the_same_record_only_one_claims_it(officer_user):
    lost = Notification.objects.create(recipient=officer_user, kind="k", event_key="a", title="只发一次")
    now = timezone.now() + LATER
    read = {"queued_at": None, "task_id": ""}  # what both sweeps read before either wrote
    assert notification_email_claim(lost.pk, now=now, **read) is True
    assert notification_email_claim(lost.pk, now=now + dt.timedelta(seconds=1), **read) is False


def test_the_scheduler_runs_the_sweep_and_the_worker_mails_the_lost_email(officer_user):
    lost = Notification.objects.create(recipient=officer_user, kind="k", event_key="a", title="调度补发")
    Notification.objects.filter(pk=lost.pk).update(created_at=timezone.now() - LATER)
    call_command("scheduler", "--once")
    _run_worker()  # the sweep job queues the email; the same batch run (or the next) sends it
    _run_worker()
    assert [m.subject for m in mail.outbox] == ["调度补发"]
