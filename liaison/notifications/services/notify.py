"""Creating notifications inside the caller's transaction; email goes out after commit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from liaison.notifications.models import Notification
from liaison.notifications.tasks import send_notification_email


def notification_send(
    *,
    recipients: Iterable[Any],
    kind: str,
    event_key: str,
    title: str,
    body: str = "",
    url: str = "",
) -> list[Notification]:
    """Notify each recipient once per `event_key`; schedule the email copies on commit."""
    created: list[Notification] = []
    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        note, was_created = Notification.objects.get_or_create(
            recipient=user,
            event_key=event_key,
            defaults={"kind": kind, "title": str(title)[:200], "body": str(body), "url": url},
        )
        if was_created:
            created.append(note)
    if created:
        ids = [n.pk for n in created]

        def enqueue() -> None:
            for pk in ids:
                send_notification_email.enqueue(pk)

        transaction.on_commit(enqueue)
    return created


def notification_mark_read(*, user: Any, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (all unread ones when no ids are given)."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    return qs.update(read_at=timezone.now())
