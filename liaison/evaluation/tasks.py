"""Background jobs of evaluation (django-tasks, database backend): thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from liaison.evaluation.services.reminders import evaluation_reminders_run
from liaison.evaluation.services.visits import visits_plan


@task()
def evaluation_reminders_job() -> dict[str, int]:
    """Remind the invitations not evaluated, the follow-ups' steps and the return visits (once each)."""
    return evaluation_reminders_run().sent


@task()
def return_visits_plan_job() -> int:
    """Plan the return visits that are due (every N months in service, after each finished stage)."""
    return visits_plan()
