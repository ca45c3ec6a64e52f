"""Background jobs of publicity (django-tasks): thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from liaison.publicity.services.reminders import enquiry_reminders_run


@task()
def publicity_reminders_job() -> int:
    """Remind the centre of enquiries near or past their answer deadline (once each)."""
    return enquiry_reminders_run()
