"""Large workbooks are imported by the background worker while the page polls the job's progress."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.jobs import import_job_create
from liaison.catalogue.exchange.tasks import run_catalogue_import
from liaison.catalogue.exchange.testing import run_worker, sample_sheets, upload, workbook_from_rows
from liaison.catalogue.models import ApprovalItem, ImportJob, ImportJobStatus, MaterialRequirement

API = "/api/v1/catalogue-exchange"


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CATALOGUE_IMPORT_INLINE_MAX_ROWS = 5  # the 8-row workbook goes to the background


def many_materials(n: int) -> dict:
    sheets = sample_sheets()
    sheets["材料"] = [
        {"事项编码": "DRC-001", "序号": seq, "材料名称": f"材料{seq}", "原件/复印件": "复印件", "份数": 1}
        for seq in range(1, n + 1)
    ]
    return sheets


@pytest.mark.django_db(transaction=True)
def test_a_large_upload_is_imported_by_the_worker_while_the_page_polls(client, center_admin):
    client.force_login(center_admin)

    response = client.post(reverse("catalogue:import"), {"file": upload(workbook_from_rows(sample_sheets()))})

    job = ImportJob.objects.get()
    assert response["Location"] == reverse("catalogue:import_job", args=[job.pk])
    assert (job.status, job.total_rows, job.processed_rows) == (ImportJobStatus.PENDING, 8, 0)
    assert not ApprovalItem.objects.exists()
    assert DBTaskResult.objects.filter(task_path__endswith="run_catalogue_import").count() == 1
    waiting = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in waiting
    assert f'hx-get="{reverse("catalogue:import_job_progress", args=[job.pk])}"' in waiting
    assert "排队中" in waiting

    run_worker()

    job.refresh_from_db()
    assert job.status == ImportJobStatus.SUCCEEDED, job.errors
    assert (job.processed_rows, job.total_rows, job.percent) == (8, 8, 100)
    assert ApprovalItem.objects.count() == 2
    assert AuditEvent.objects.filter(action="catalogue.import").count() == 1
    fragment = client.get(reverse("catalogue:import_job_progress", args=[job.pk])).content.decode()
    assert "hx-trigger" not in fragment
    assert 'data-status="succeeded"' in fragment
    assert "新增事项 2 个" in fragment
    assert "新建指导员账号 1 个" in fragment
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_the_api_queues_a_large_import_and_reports_its_errors_after_the_worker_ran(client, center_admin):
    client.force_login(center_admin)
    sheets = sample_sheets()
    sheets["事项"][0]["阶段"] = "第九阶段"

    created = client.post(f"{API}/imports", {"file": upload(workbook_from_rows(sheets))}).json()
    assert (created["status"], created["finished"], created["percent"]) == ("pending", False, 0)

    run_worker()

    fetched = client.get(f"{API}/imports/{created['id']}").json()
    assert (fetched["status"], fetched["finished"]) == ("rejected", True)
    assert (fetched["processed_rows"], fetched["total_rows"], fetched["percent"]) == (8, 8, 100)
    assert fetched["errors"][0]["text"].startswith("工作表「事项」第 2 行：阶段“第九阶段”无效")
    assert not ApprovalItem.objects.exists()


@pytest.mark.django_db
def test_the_upload_schedules_the_task_only_after_commit(center_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = import_job_create(actor=center_admin, upload=upload(workbook_from_rows(sample_sheets())))

    assert len(callbacks) == 1
    result = DBTaskResult.objects.get()
    assert result.args_kwargs == {"args": [job.pk], "kwargs": {}}


@pytest.mark.django_db
def test_the_task_records_progress_while_validating(center_admin, settings):
    settings.CATALOGUE_IMPORT_INLINE_MAX_ROWS = 10
    job = import_job_create(actor=center_admin, upload=upload(workbook_from_rows(many_materials(60))))
    assert job.total_rows == 65

    with CaptureQueriesContext(connection) as ctx:
        outcome = run_catalogue_import.call(job.pk)

    assert outcome == "succeeded"
    progress = [
        int(m.group(1))
        for q in ctx.captured_queries
        if (m := re.search(r'"processed_rows" = (\d+)', q["sql"])) and "catalogue_importjob" in q["sql"]
    ]
    assert progress[:3] == [0, 25, 50]  # committed every 25 rows, so the polling page sees it move
    assert progress[-1] == 65
    assert MaterialRequirement.objects.filter(item__code="DRC-001").count() == 60


@pytest.mark.django_db
def test_a_job_runs_once(center_admin, settings):
    settings.CATALOGUE_IMPORT_INLINE_MAX_ROWS = 0
    job = import_job_create(actor=center_admin, upload=upload(workbook_from_rows(sample_sheets())))

    assert run_catalogue_import.call(job.pk) == "succeeded"
    assert run_catalogue_import.call(job.pk) == "not-pending"
    assert AuditEvent.objects.filter(action="catalogue.import").count() == 1


@pytest.mark.django_db
def test_a_job_whose_uploader_lost_the_centre_role_imports_nothing(center_admin, settings):
    settings.CATALOGUE_IMPORT_INLINE_MAX_ROWS = 0
    job = import_job_create(actor=center_admin, upload=upload(workbook_from_rows(sample_sheets())))
    center_admin.memberships.all().delete()

    assert run_catalogue_import.call(job.pk) == "rejected"

    job.refresh_from_db()
    assert [e["text"] for e in job.errors] == ["上传人已无导入事项目录的权限。"]
    assert not ApprovalItem.objects.exists()
