"""Background exports through the real database worker: a list past EXPORT_SYNC_MAX rows is written by the
worker as the user who asked, with exactly the rows of the list's own filter; only that user downloads it;
progress moves a chunk at a time; a refused or broken export says why; old files expire."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core import listing
from liaison.core.export_jobs import export_jobs_expire
from liaison.core.models import ExportJob, ExportState
from liaison.directory.models import RoleMembership
from liaison.directory.roles import Role
from liaison.notifications.models import Notification
from liaison.publicity.models import Enquiry
from liaison.publicity.tests.support import enquiry
from liaison.testing.personas import make_user
from liaison.testing.xlsx import sheet_lines, sheet_rows

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits, as in production
ENQUIRIES = "/publicity/manage/enquiries/"


@pytest.fixture(autouse=True)
def _small_limits(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EXPORT_SYNC_MAX = 10


def _worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay")


def _enquiries(matching: int, other: int) -> None:
    for n in range(matching):
        enquiry(question=f"外资项目第{n}问：委托需要什么材料？")
    for n in range(other):
        enquiry(question=f"收费标准第{n}问")


def _ask(client, params: dict[str, str]):
    """Click 导出Excel on the filtered list, then 在后台导出 on the offer page."""
    offer = client.get(ENQUIRIES, {**params, "export": "xlsx"})
    assert offer.status_code == 200 and 'data-testid="export-offer-total"' in offer.content.decode()
    token = re.search(r'name="offer" value="([^"]+)"', offer.content.decode()).group(1)
    return client.post("/exports/request/", {"offer": token})


def test_a_large_export_holds_exactly_the_lists_filtered_rows(client, settings, center_admin):
    _enquiries(matching=23, other=9)
    client.force_login(center_admin)
    asked = _ask(client, {"q": "外资"})
    assert asked.status_code == 302 and asked["Location"] == "/exports/"
    job = ExportJob.objects.get()
    assert (job.state, job.user, job.rows_total, job.file.name) == (ExportState.QUEUED, center_admin, 23, "")
    assert "q=%E5%A4%96%E8%B5%84" in job.query and "export=xlsx" in job.query
    asked_event = AuditEvent.objects.get(action="export.requested")
    assert (asked_event.actor, asked_event.object_id, asked_event.changes["extra"]["rows"]) == (
        center_admin,
        str(job.pk),
        23,
    )

    _worker()

    job.refresh_from_db()
    assert (job.state, job.rows_done, job.rows_total, job.failure) == (ExportState.DONE, 23, 23, "")
    assert job.expires_at == job.finished_at + timedelta(days=settings.EXPORT_FILE_DAYS)
    assert job.file.name.startswith("exports/")  # under MEDIA_ROOT, which nothing serves: only the view below
    downloaded = client.get(f"/exports/{job.pk}/download/")
    assert "attachment" in downloaded["Content-Disposition"]
    rows = sheet_rows(downloaded)
    settings.EXPORT_SYNC_MAX = 1000  # the same list, exported at once: the list's own rows
    assert rows == sheet_rows(client.get(ENQUIRIES, {"q": "外资", "export": "xlsx"}))
    codes = set(Enquiry.objects.filter(question__contains="外资").values_list("code", flat=True))
    assert {r[0] for r in rows} == codes and len(rows) == 23
    assert "13912345678" in rows[0]  # the centre sees the phone in full, as on the page
    assert "筛选：q=外资" in sheet_lines(client.get(f"/exports/{job.pk}/download/"))[1][0]
    note = Notification.objects.get(recipient=center_admin, kind="export")
    assert note.title == "导出已完成：公众咨询清单" and note.url == "/exports/"
    page = client.get("/exports/").content.decode()
    assert 'data-state="done"' in page and f"/exports/{job.pk}/download/" in page
    assert 'hx-trigger="every' not in page  # nothing left to wait for: the page stops asking


def test_another_user_cannot_download_the_file(client, center_admin, center_leader):
    _enquiries(matching=12, other=0)
    client.force_login(center_admin)
    _ask(client, {})
    _worker()
    job = ExportJob.objects.get(state=ExportState.DONE)
    client.force_login(center_leader)  # may read the same list, but the file is not theirs
    assert client.get(f"/exports/{job.pk}/download/").status_code == 404
    assert client.get(f"/exports/{job.pk + 1000}/download/").status_code == 404  # like a missing one
    assert f"/exports/{job.pk}/" not in client.get("/exports/").content.decode()
    client.force_login(center_admin)
    assert client.get(f"/exports/{job.pk}/download/").status_code == 200


def test_progress_moves_a_chunk_at_a_time(client, monkeypatch, center_admin):
    monkeypatch.setattr(listing, "EXPORT_CHUNK", 5)
    _enquiries(matching=17, other=0)
    client.force_login(center_admin)
    _ask(client, {})
    running = client.get("/exports/").content.decode()
    assert 'data-state="queued"' in running and 'hx-trigger="every 2000ms"' in running  # the page polls
    seen: list[int] = []

    def watch(execute, sql, params, many, context):
        if sql.startswith('UPDATE "core_exportjob" SET "rows_done"'):
            seen.append(params[0])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        _worker()
    assert seen == [5, 10, 15, 17]
    job = ExportJob.objects.get()
    assert (job.state, job.rows_done, job.percent) == (ExportState.DONE, 17, 100)


def test_an_export_refused_to_the_user_by_the_time_it_runs_fails_with_the_reason(client, center_admin):
    """The worker checks the user's permission again: a role taken away meanwhile gets no file."""
    _enquiries(matching=12, other=0)
    client.force_login(center_admin)
    _ask(client, {})
    RoleMembership.objects.filter(user=center_admin, role=Role.CENTER_ADMIN).delete()
    center_admin.__dict__.pop("role_set", None)
    _worker()
    job = ExportJob.objects.get()
    assert (job.state, job.failure, job.file.name) == (ExportState.FAILED, "forbidden", "")
    page = client.get("/exports/").content.decode()
    assert 'data-state="failed"' in page and "您已无权查看该清单（或其中的数据），导出未完成。" in page
    note = Notification.objects.get(recipient=center_admin, kind="export")
    assert note.title == "导出失败：公众咨询清单" and "无权查看" in note.body


def test_a_job_whose_page_exports_nothing_fails_and_says_so(client, center_admin):
    from liaison.core.tasks import export_job_run_task

    job = ExportJob.objects.create(user=center_admin, name="测试", path="/exports/", query="export=xlsx")
    export_job_run_task.enqueue(job.pk)
    _worker()
    job.refresh_from_db()
    assert (job.state, job.failure) == (ExportState.FAILED, "not_exported")
    client.force_login(center_admin)
    assert "该清单的筛选条件无效或已不支持导出" in client.get("/exports/").content.decode()


def test_a_changed_or_foreign_offer_queues_nothing(client, center_admin, center_leader):
    _enquiries(matching=12, other=0)
    client.force_login(center_leader)
    offer = client.get(ENQUIRIES, {"export": "xlsx"}).content.decode()
    token = re.search(r'name="offer" value="([^"]+)"', offer).group(1)
    client.force_login(center_admin)
    assert client.post("/exports/request/", {"offer": token}).status_code == 302  # another user's offer
    assert client.post("/exports/request/", {"offer": token + "x"}).status_code == 302
    assert not ExportJob.objects.exists()
    assert "导出申请已失效" in client.get("/exports/").content.decode()


def test_the_same_export_asked_twice_is_queued_once_and_a_user_has_a_few_at_most(
    client, settings, center_admin
):
    settings.EXPORT_JOBS_PER_USER = 2
    _enquiries(matching=12, other=12)
    client.force_login(center_admin)
    _ask(client, {})
    _ask(client, {})
    assert ExportJob.objects.count() == 1
    _ask(client, {"q": "外资"})
    _ask(client, {"q": "收费"})
    assert ExportJob.objects.count() == 2
    assert "您已有 2 个导出正在进行" in client.get("/exports/").content.decode()
    assert AuditEvent.objects.filter(action="export.requested").count() == 2  # what was queued, once each


def test_old_files_expire(client, settings, center_admin):
    _enquiries(matching=12, other=0)
    client.force_login(center_admin)
    _ask(client, {})
    _worker()
    job = ExportJob.objects.get()
    path = job.file.path
    assert export_jobs_expire(now=timezone.now() + timedelta(days=settings.EXPORT_FILE_DAYS - 1)) == 0
    call_command(
        "exports_expire", now=(timezone.now() + timedelta(days=settings.EXPORT_FILE_DAYS, minutes=1))
    )
    job.refresh_from_db()
    assert (job.state, job.file.name) == (ExportState.EXPIRED, "")
    import os

    assert not os.path.exists(path)
    assert client.get(f"/exports/{job.pk}/download/").status_code == 404
    assert "文件已过期删除" in client.get("/exports/").content.decode()


def test_the_exports_page_costs_the_same_queries_for_two_jobs_or_twenty(client, center_admin):
    def page_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/exports/").status_code == 200
        return len(ctx.captured_queries)

    def jobs(n: int) -> None:
        for i in range(n):
            ExportJob.objects.create(
                user=center_admin,
                name="公众咨询清单",
                path=ENQUIRIES,
                query=f"q={i}&export=xlsx",
                state=[ExportState.QUEUED, ExportState.DONE, ExportState.FAILED][i % 3],
                rows_total=40,
            )

    other = make_user("t_other_exporter", roles=(Role.CENTER_ADMIN,))
    ExportJob.objects.create(user=other, name="别人的", path=ENQUIRIES, query="export=xlsx")
    client.force_login(center_admin)
    jobs(2)
    few = page_queries()
    jobs(18)
    assert page_queries() == few
    assert "别人的" not in client.get("/exports/").content.decode()


def test_the_worker_exports_as_the_user_who_asked_in_the_order_they_sorted(settings, center_admin):
    """The project list: an enterprise's background export holds its own projects only, in the order of
    the column it sorted by, as the list itself exports them; the centre's holds every project."""
    from liaison.intake.tests.test_views_support import logged_in, make_project, register_applicant

    mine, other = register_applicant(), register_applicant("翠湖实业有限公司")
    for n in range(13):
        make_project(mine, name=f"我的项目{n:02d}")
    for n in range(5):
        make_project(other, name=f"别人的项目{n}")
    projects = "/intake/projects/"
    by_name = {"sort": "-name"}
    jobs = {}
    for who in (mine, center_admin):
        client = logged_in(who)
        offer = client.get(projects, {**by_name, "export": "xlsx"}).content.decode()
        token = re.search(r'name="offer" value="([^"]+)"', offer).group(1)
        client.post("/exports/request/", {"offer": token})
        jobs[who.pk] = client
    _worker()
    settings.EXPORT_SYNC_MAX = 1000
    for who, expected in ((mine, 13), (center_admin, 18)):
        client = jobs[who.pk]
        job = ExportJob.objects.get(user=who)
        assert (job.state, job.rows_done) == (ExportState.DONE, expected)
        rows = sheet_rows(client.get(f"/exports/{job.pk}/download/"))
        assert rows == sheet_rows(client.get(projects, {**by_name, "export": "xlsx"}))
        assert len(rows) == expected
    own = [
        row[1]
        for row in sheet_rows(jobs[mine.pk].get(f"/exports/{ExportJob.objects.get(user=mine).pk}/download/"))
    ]
    assert own == [f"我的项目{n:02d}" for n in reversed(range(13))]


def test_past_the_background_limit_the_file_is_cut_and_says_so(client, settings, center_admin):
    settings.EXPORT_BACKGROUND_MAX = 5
    _enquiries(matching=12, other=0)
    client.force_login(center_admin)
    offer = client.get(ENQUIRIES, {"export": "xlsx"}).content.decode()
    assert "后台导出最多 5 条" in offer
    _ask(client, {})
    _worker()
    job = ExportJob.objects.get()
    assert (job.state, job.rows_done, job.cut) == (ExportState.DONE, 5, True)
    lines = sheet_lines(client.get(f"/exports/{job.pk}/download/"))
    assert "仅导出前 5 条" in lines[1][0] and len(lines) == 3 + 5
    assert "超出后台导出上限" in client.get("/exports/").content.decode()


def test_the_phones_a_background_export_shows_are_in_the_personal_data_log(client, center_admin):
    from liaison.audit.models import PersonalDataView

    _enquiries(matching=12, other=0)
    client.force_login(center_admin)
    _ask(client, {"q": "外资"})
    _worker()
    logged = PersonalDataView.objects.get(method="EXPORT")
    assert logged.user == center_admin and logged.count == 12
    assert logged.path.startswith(ENQUIRIES) and "q=" in logged.path


def test_an_export_whose_worker_was_lost_fails_after_a_while(client, settings, center_admin):
    job = ExportJob.objects.create(
        user=center_admin, name="公众咨询清单", path=ENQUIRIES, query="export=xlsx", state=ExportState.RUNNING
    )
    ExportJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - timedelta(hours=1))
    export_jobs_expire()
    assert ExportJob.objects.get().state == ExportState.RUNNING
    export_jobs_expire(now=timezone.now() + timedelta(hours=settings.EXPORT_STALE_HOURS))
    job.refresh_from_db()
    assert (job.state, job.failure) == (ExportState.FAILED, "interrupted")
    client.force_login(center_admin)
    assert "导出因后台服务中断未能完成" in client.get("/exports/").content.decode()


def test_a_background_export_of_the_audit_trail_is_recorded_once_when_written(
    client, audit_admin, center_admin
):
    from liaison.audit.models import AuditEvent
    from liaison.audit.services.events import audit_record

    for n in range(12):
        audit_record(
            actor=center_admin, action="test.change", object_type="x", object_id=str(n), summary="改动"
        )
    client.force_login(audit_admin)
    offer = client.get("/audit/", {"action": "test.change", "export": "xlsx"}).content.decode()
    assert "共 12 条" in offer
    assert not AuditEvent.objects.filter(action="audit.export").exists()  # offered, not exported yet
    token = re.search(r'name="offer" value="([^"]+)"', offer).group(1)
    client.post("/exports/request/", {"offer": token})
    _worker()
    job = ExportJob.objects.get()
    assert (job.state, job.rows_done) == (ExportState.DONE, 12)
    export = AuditEvent.objects.get(action="audit.export")
    assert export.actor == audit_admin and "action=test.change" in export.changes["extra"]["filter"]
