"""Timing the tracking reminder job (items and the enterprise's to-dos) on a seeded database: a first run
that sends every reminder due today, then a repeat run that finds everything sent (docs/performance.md,
"Reminders as digests")."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Q
from django_tasks_db.models import DBTaskResult

from liaison.deadlines.models import ReminderSent
from liaison.notifications.models import Notification
from liaison.tracking.deadline_kinds import ITEM, OBLIGATION
from liaison.tracking.services.reminders import reminders_run

KINDS = (ITEM.code, OBLIGATION.code)
EMAIL_TASK = "liaison.notifications.tasks.send_notification_email"
TRACKING_NOTES = Q(kind__regex=r"^(reminder|obligation)\.(yellow|red|overdue)$") | Q(
    kind__in=[f"digest.{k}" for k in KINDS]
)


@dataclass
class RunFigures:
    label: str
    seconds: float
    queries: int
    crossings: int  # crossings sent (items + to-dos)
    log_rows: int  # ReminderSent rows written
    notifications: int  # in-app notifications written
    digests: int  # digest emails queued
    email_tasks: int  # email tasks enqueued
    max_items_in_a_digest: int


def _counts() -> tuple[int, int, int, int]:
    notes = Notification.objects.filter(TRACKING_NOTES)
    return (
        ReminderSent.objects.filter(kind__in=KINDS).count(),
        notes.filter(in_app=True).count(),
        notes.filter(in_app=False).count(),
        DBTaskResult.objects.filter(task_path=EMAIL_TASK).count(),
    )


def reminders_reset() -> int:
    """Forget every tracking reminder sent (log rows, notifications, queued emails): benchmark data only."""
    DBTaskResult.objects.filter(task_path=EMAIL_TASK).delete()
    Notification.objects.filter(TRACKING_NOTES, digest__isnull=False).update(digest=None)
    deleted, _ = Notification.objects.filter(TRACKING_NOTES).delete()
    rows, _ = ReminderSent.objects.filter(kind__in=KINDS).delete()
    return deleted + rows


def _run(label: str, today: dt.date) -> RunFigures:
    before = _counts()
    started = time.perf_counter()
    statements = [0]

    def count(execute, sql, params, many, context):
        statements[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        run = reminders_run(today=today)
    seconds = time.perf_counter() - started
    after = _counts()
    biggest = (
        Notification.objects.filter(TRACKING_NOTES, in_app=False)
        .annotate(n=Count("items"))
        .order_by("-n")
        .values_list("n", flat=True)
        .first()
    )
    return RunFigures(
        label=label,
        seconds=seconds,
        queries=statements[0],
        crossings=run.sent + run.obligations_sent,
        log_rows=after[0] - before[0],
        notifications=after[1] - before[1],
        digests=after[2] - before[2],
        email_tasks=after[3] - before[3],
        max_items_in_a_digest=biggest or 0,
    )


def bench_reminders(*, today: dt.date) -> list[RunFigures]:
    """The first run and the repeat run of the tracking reminder job on `today`."""
    return [_run("first", today), _run("repeat", today)]
