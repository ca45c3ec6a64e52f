"""Background jobs of tracking (django-tasks, database backend): thin wrappers around services."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from liaison.tracking.services.reminders import reminders_run


@task()
def tracking_reminders_run() -> dict[str, int]:
    """Recompute lights and send the reminders due (each exactly once)."""
    return asdict(reminders_run())
