from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from liaison.notifications.models import Notification


def notification_unread_count(*, user: Any) -> int:
    """How many of the user's notifications are unread."""
    return Notification.objects.filter(recipient=user, in_app=True, read_at__isnull=True).count()


def notification_list(*, user: Any, unread_only: bool = False) -> QuerySet[Notification]:
    """The user's notifications, newest first."""
    qs = Notification.objects.filter(recipient=user, in_app=True)
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    return qs
