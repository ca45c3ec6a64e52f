"""The catalogue import as a background task (django-tasks, database backend)."""

from __future__ import annotations

from django_tasks import task

from liaison.catalogue.exchange.runner import import_job_run, import_jobs_fail_stale


@task()
def run_catalogue_import(job_id: int) -> str:
    return import_job_run(job_id=job_id)


@task()
def import_jobs_fail_stale_job() -> int:
    """Mark the imports whose worker was lost as failed (how many)."""
    return import_jobs_fail_stale()
