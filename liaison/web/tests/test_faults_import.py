"""The catalogue Excel import killed with SIGKILL in the middle of its write: nothing is half-written
(all or nothing), and importing the workbook again succeeds.

A real `manage.py db_worker` process runs the queued import job and is killed after it has written the
whole catalogue inside its transaction but before committing. The killed job stays "writing" (no worker
will take it up again) until IMPORT_STALE_HOURS have passed, when the scheduler's check marks it failed; the
officer uploads the workbook again, and the new job imports it once.
"""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
import signal

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.jobs import import_job_create
from liaison.catalogue.exchange.runner import import_jobs_fail_stale
from liaison.catalogue.exchange.testing import catalogue_state, sample_sheets, upload, workbook_from_rows
from liaison.catalogue.models import ApprovalItem, ImportJob, ImportJobStatus, MaterialRequirement
from liaison.intake.tests.test_concurrency import shared_database  # noqa: F401 - fixture
from liaison.testing.faults import manage, manage_killed_at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
WORKER = ("db_worker", "--batch", "--no-startup-delay", "--no-reload")


@pytest.fixture
def background(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the worker process is given the same folder
    settings.CATALOGUE_IMPORT_INLINE_MAX_ROWS = 0  # every upload goes to the worker


def _upload(actor) -> ImportJob:
    return import_job_create(actor=actor, upload=upload(workbook_from_rows(sample_sheets())))


def test_an_import_killed_mid_write_leaves_nothing_and_the_rerun_imports_once(
    shared_database, background, center_admin, tmp_path, settings
):
    before = catalogue_state()
    killed = _upload(center_admin)

    code = manage_killed_at("catalogue_import:written", tmp_path, *WORKER)

    assert code == -signal.SIGKILL
    assert catalogue_state() == before  # not one department, item, material, guide or audit event
    killed.refresh_from_db()
    assert killed.status == ImportJobStatus.WRITING and killed.result == {}

    again = _upload(center_admin)
    manage(*WORKER)

    again.refresh_from_db()
    assert again.status == ImportJobStatus.SUCCEEDED, again.errors
    assert ApprovalItem.objects.count() == 2 and MaterialRequirement.objects.count() == 3
    assert AuditEvent.objects.filter(action="catalogue.import").count() == 1
    killed.refresh_from_db()
    assert killed.status == ImportJobStatus.WRITING  # the rerun did not take the dead job up again

    assert import_jobs_fail_stale() == 0  # not yet: it might still be running
    later = timezone.now() + dt.timedelta(hours=settings.IMPORT_STALE_HOURS, minutes=1)
    assert import_jobs_fail_stale(now=later) == 1
    killed.refresh_from_db()
    again.refresh_from_db()
    assert killed.status == ImportJobStatus.FAILED and "意外中断" in killed.errors[0]["message"]
    assert again.status == ImportJobStatus.SUCCEEDED  # a finished job is left alone
