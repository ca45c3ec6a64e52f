"""The catalogue import as a background task (django-tasks, database backend)."""

from __future__ import annotations

from django_tasks import task

from liaison.catalogue.exchange.runner import import_job_run


@task()
def run_catalogue_import(job_id: int) -> str:
    return import_job_run(job_id=job_id)
