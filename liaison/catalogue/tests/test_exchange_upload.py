"""The upload is checked by its content and size; only the centre's staff may import."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from liaison.catalogue.exchange.testing import sample_sheets, upload, workbook_from_rows
from liaison.catalogue.models import ApprovalItem, ImportJob

NON_CENTRE = [
    "center_leader",
    "supervisor",
    "dept_admin",
    "officer_user",
    "guide_user",
    "applicant",
    "project_office",
]
API = "/api/v1/catalogue-exchange"


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


WRONG_FILES = [
    (
        "notes.xlsx",
        "这不是表格".encode(),
        "文件不是 Excel 工作簿（.xlsx），请上传“导出目录”得到的 .xlsx 文件。",
    ),
    ("renamed.xlsx", _docx_bytes(), "这是 Word 文档，不是 Excel 工作簿（.xlsx）。"),
    (
        "old.xlsx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "这是旧版 Excel（.xls）或其他 Office 旧格式文件",
    ),
    ("broken.xlsx", b"PK\x03\x04broken", "文件不是 Excel 工作簿（.xlsx）"),
    (
        "partial.xlsx",
        workbook_from_rows(sample_sheets(), omit=["材料", "指导员"]),
        "工作簿缺少工作表「材料」「指导员」，请使用“导出目录”得到的工作簿填写。",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), WRONG_FILES)
def test_a_file_that_is_not_the_catalogue_workbook_is_refused_with_a_clear_message(
    client, center_admin, name, content, message
):
    client.force_login(center_admin)

    response = client.post(reverse("catalogue:import"), {"file": SimpleUploadedFile(name, content)})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_the_content_decides_not_the_file_name(client, center_admin):
    client.force_login(center_admin)
    content = workbook_from_rows(sample_sheets())

    response = client.post(reverse("catalogue:import"), {"file": SimpleUploadedFile("目录.dat", content)})

    assert response.status_code == 302
    assert ApprovalItem.objects.count() == 2


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(client, center_admin, settings):
    settings.MAX_UPLOAD_BYTES = 2048
    client.force_login(center_admin)

    response = client.post(reverse("catalogue:import"), {"file": upload(workbook_from_rows(sample_sheets()))})

    assert response.status_code == 400
    assert "文件过大" in response.content.decode()
    assert "上传上限为 0.0 MB" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_posting_without_a_file_asks_for_one(client, center_admin):
    client.force_login(center_admin)

    response = client.post(reverse("catalogue:import"), {})

    assert response.status_code == 400
    assert "请选择要上传的 .xlsx 文件。" in response.content.decode()


@pytest.mark.django_db
def test_a_rejected_workbook_shows_every_bad_row_on_the_job_page(client, center_admin):
    client.force_login(center_admin)
    sheets = sample_sheets()
    sheets["事项"][1]["阶段"] = "xx"

    response = client.post(reverse("catalogue:import"), {"file": upload(workbook_from_rows(sheets))})
    page = client.get(response["Location"]).content.decode()

    assert 'data-status="rejected"' in page
    assert "工作表「事项」第 3 行：阶段“xx”无效" in page
    assert "未导入任何数据" in page
    assert not ApprovalItem.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", NON_CENTRE)
def test_import_pages_are_forbidden_to_everyone_but_the_centre_staff(request, client, center_admin, persona):
    job = ImportJob.objects.create(
        created_by=center_admin, original_name="x.xlsx", file=SimpleUploadedFile("x.xlsx", b"x")
    )
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("catalogue:import")).status_code == 403
    posted = client.post(reverse("catalogue:import"), {"file": upload(workbook_from_rows(sample_sheets()))})
    assert posted.status_code == 403
    assert client.get(reverse("catalogue:import_job", args=[job.pk])).status_code == 404
    assert client.get(reverse("catalogue:import_job_progress", args=[job.pk])).status_code == 404
    assert ImportJob.objects.count() == 1
    assert not ApprovalItem.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", NON_CENTRE)
def test_import_api_is_forbidden_to_everyone_but_the_centre_staff(request, client, center_admin, persona):
    job = ImportJob.objects.create(
        created_by=center_admin, original_name="x.xlsx", file=SimpleUploadedFile("x.xlsx", b"x")
    )
    client.force_login(request.getfixturevalue(persona))

    posted = client.post(f"{API}/imports", {"file": upload(workbook_from_rows(sample_sheets()))})
    fetched = client.get(f"{API}/imports/{job.pk}")

    assert posted.status_code == 403
    assert posted.json()["detail"] == "只有政务服务中心工作人员可以导入事项目录。"
    assert fetched.status_code == 404
    assert not ApprovalItem.objects.exists()


@pytest.mark.django_db
def test_import_api_returns_the_job_with_its_result(client, center_admin):
    client.force_login(center_admin)

    posted = client.post(f"{API}/imports", {"file": upload(workbook_from_rows(sample_sheets()))})

    assert posted.status_code == 201
    body = posted.json()
    assert (body["status"], body["status_label"], body["finished"]) == ("succeeded", "导入完成", True)
    assert body["result"]["item_created"] == 2
    fetched = client.get(f"{API}/imports/{body['id']}").json()
    assert (fetched["percent"], fetched["total_rows"], fetched["errors"]) == (100, 8, [])


@pytest.mark.django_db
def test_import_api_reports_bad_rows_and_refuses_a_wrong_file(client, center_admin):
    client.force_login(center_admin)
    sheets = sample_sheets()
    sheets["材料"][0]["份数"] = "二"

    bad_rows = client.post(f"{API}/imports", {"file": upload(workbook_from_rows(sheets))}).json()
    wrong = client.post(f"{API}/imports", {"file": SimpleUploadedFile("a.xlsx", b"plain text")})

    assert bad_rows["status"] == "rejected"
    assert [e["text"] for e in bad_rows["errors"]] == ["工作表「材料」第 2 行：「份数」“二”应为正整数"]
    assert wrong.status_code == 400
    assert wrong.json() == {
        "detail": "文件不是 Excel 工作簿（.xlsx），请上传“导出目录”得到的 .xlsx 文件。",
        "field": "file",
    }
