"""The recovery sweep: queue again the emails whose enqueue was lost, so that every committed notification
gets its email once. The email is queued after the commit (`transaction.on_commit`): a process killed in
between leaves the notification with no task and `email_queued_at` empty; a retry lost the same way, or a
task whose worker was killed while it ran, leaves an old `email_queued_at` and a task that no longer waits.

Twice queued is harmless (the task sends only while `email_sent_at` is empty, under the row's lock); the
sweep still avoids it: a notification whose task is waiting (READY) is left alone, and each one it takes is
claimed with a conditional UPDATE, so two sweeps at once queue it once."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskException

from liaison.notifications.models import Notification
from liaison.notifications.tasks import MAX_ATTEMPTS, NO_ADDRESS, email_enqueue, send_notification_email

BATCH = 500  # notifications per sweep at most: a backlog is worked off over several runs


def _task_waits(task_id: str) -> bool:
    """Whether the recorded task is still waiting to run (False when the backend keeps no results)."""
    if not task_id:
        return False
    try:
        return send_notification_email.get_result(task_id).status == TaskResultStatus.READY
    except (TaskException, NotImplementedError):  # gone (pruned), or a backend without results
        return False


def notification_emails_sweep(*, now: dt.datetime | None = None, batch: int = BATCH) -> int:
    """Queue again each unsent email that is due, has a try left and has been queued for longer than
    NOTIFICATION_EMAIL_GRACE_MINUTES (or never, its notification being that old) with no task waiting for
    it. Digest items are skipped (their digest carries the email). How many were queued."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=settings.NOTIFICATION_EMAIL_GRACE_MINUTES)
    due = (
        Notification.objects.filter(
            email_sent_at__isnull=True, digest__isnull=True, email_attempts__lt=MAX_ATTEMPTS
        )
        .exclude(email_error=NO_ADDRESS)
        .filter(Q(email_queued_at__isnull=True, created_at__lte=cutoff) | Q(email_queued_at__lte=cutoff))
        .order_by("pk")
        .values_list("pk", "email_queued_at", "email_task_id")[:batch]
    )
    queued = 0
    for pk, queued_at, task_id in list(due):
        if _task_waits(task_id):
            continue  # e.g. a backlog the workers have not reached yet
        if notification_email_claim(pk, queued_at=queued_at, task_id=task_id, now=now):
            email_enqueue(pk)  # a sweep killed before this: the next one takes it after the grace
            queued += 1
    return queued


def notification_email_claim(
    pk: int, *, queued_at: dt.datetime | None, task_id: str, now: dt.datetime
) -> bool:
    """Take one unsent email for queuing if its queue record is still the one read (`queued_at`,
    `task_id`): a conditional UPDATE, so of two sweeps that read the same record only one gets it. It
    waits for a worker sending this email right now (the row's lock) and then finds it sent."""
    same = Q(email_queued_at__isnull=True) if queued_at is None else Q(email_queued_at=queued_at)
    with transaction.atomic():
        return bool(
            Notification.objects.filter(
                same, pk=pk, email_sent_at__isnull=True, email_task_id=task_id
            ).update(email_queued_at=now)
        )
