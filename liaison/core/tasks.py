"""Background jobs of the list pattern's exports (django-tasks): thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from liaison.core.export_jobs import export_job_run, export_jobs_expire


@task()
def export_job_run_task(job_id: int) -> str:
    """Write one queued export (its final state; "skipped" when another worker had it)."""
    return export_job_run(job_id)


@task()
def export_jobs_expire_job() -> int:
    """Delete the files of exports past EXPORT_FILE_DAYS (how many)."""
    return export_jobs_expire()
