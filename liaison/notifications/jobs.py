"""The notifications' periodic job, listed in the scheduler (liaison/web/management/commands/scheduler.py)."""

from __future__ import annotations

from django_tasks import task

from liaison.notifications.services.sweep import notification_emails_sweep


@task()
def notification_emails_sweep_job() -> int:
    """Queue again the emails whose enqueue was lost (how many were queued)."""
    return notification_emails_sweep()
