"""Background jobs of closure (django-tasks, database backend): thin wrappers around services."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from liaison.closure.services.reminders import closure_reminders_run


@task()
def closure_reminders_job() -> dict[str, int]:
    """Remind the enterprise of an unconfirmed handover and the centre of unconfirmed endings (once each)."""
    return asdict(closure_reminders_run())
