"""Background jobs of supervision (django-tasks, database backend): thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from liaison.supervision.services.reminders import supervision_reminders_run


@task()
def supervision_reminders_job() -> int:
    """Remind the rectifications due soon or overdue (once each crossing)."""
    return supervision_reminders_run()
