"""Background jobs of complaints (django-tasks, database backend): thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from liaison.complaints.services.reminders import complaint_reminders_run


@task()
def complaint_reminders_job() -> dict[str, int]:
    """Remind the replies, cooperation answers, registrations and tasks that are due (once each)."""
    return complaint_reminders_run()
