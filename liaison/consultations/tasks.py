"""Background jobs of consultations (django-tasks, database backend): thin wrappers around services."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from liaison.consultations.services.reminders import consultation_reminders_run


@task()
def consultation_reminders_job() -> dict[str, int]:
    """Send the reply reminders due (each once per recipient and threshold)."""
    return asdict(consultation_reminders_run())
