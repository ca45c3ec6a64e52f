"""Background delivery of notification emails: claimed under a row lock, sent once, retried. Every enqueue
is recorded on the notification (`email_enqueue`), so the recovery sweep can tell a lost one."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from liaison.notifications.links import link
from liaison.notifications.models import Notification

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
NO_ADDRESS = "no email address"  # final: the sweep does not queue such an email again


def email_enqueue(notification_id: int, *, run_after: dt.datetime | None = None) -> None:
    """Queue the email of one notification and record when its task runs and the task's id. Call it
    after the notification's commit: a task queued before could run before the row is visible."""
    task = (
        send_notification_email if run_after is None else send_notification_email.using(run_after=run_after)
    )
    result = task.enqueue(notification_id)
    Notification.objects.filter(pk=notification_id, email_sent_at__isnull=True).update(
        email_queued_at=run_after or timezone.now(), email_task_id=str(result.id)[:64]
    )


@task()
def send_notification_email(notification_id: int) -> str:
    with transaction.atomic():
        note = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, email_sent_at__isnull=True)
            .first()
        )
        if note is None:
            return "already-sent-or-missing"
        if not note.recipient.email:
            Notification.objects.filter(pk=note.pk).update(email_error=NO_ADDRESS)
            return "no-address"
        try:
            send_mail(
                subject=note.title,
                message=f"{note.body}\n\n{link(note.url)}".strip(),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[note.recipient.email],
            )
        except Exception as exc:  # SMTP failures of any kind: record and retry later
            attempts = note.email_attempts + 1
            Notification.objects.filter(pk=note.pk).update(
                email_attempts=attempts, email_error=str(exc)[:300]
            )
            logger.warning("notification %s email failed (attempt %s): %s", note.pk, attempts, exc)
            if attempts < MAX_ATTEMPTS:
                delay = dt.timedelta(minutes=2**attempts)
                transaction.on_commit(
                    lambda: email_enqueue(notification_id, run_after=timezone.now() + delay)
                )
            return "failed"
        Notification.objects.filter(pk=note.pk).update(
            email_sent_at=timezone.now(), email_attempts=note.email_attempts + 1, email_error=""
        )
    return "sent"
