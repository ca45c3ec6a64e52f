"""Background jobs of coordination (django-tasks, database backend): thin wrappers around services."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from liaison.coordination.services.reminders import difficulty_reminders_run


@task()
def coordination_reminders_job() -> dict[str, int]:
    """Remind the centre of difficulties, and the people responsible of meeting actions, whose deadline is
    near or past (each reminder exactly once)."""
    return asdict(difficulty_reminders_run())
