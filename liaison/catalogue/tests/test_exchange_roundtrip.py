"""Export → import of the same workbook changes nothing; an edited export changes just the edit."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.jobs import import_job_create
from liaison.catalogue.exchange.testing import catalogue_state, seed_item, upload
from liaison.catalogue.models import ImportJobStatus
from liaison.catalogue.stages import Stage
from liaison.testing.personas import make_department


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def rich_catalogue(center_admin, department, guide_user, second_guide):
    department.short_name, department.address, department.phone = "发改局", "人民中路1号", "0871-6000000"
    department.save()
    housing = make_department("HSB", "区住房和城乡建设局")
    seed_item(
        actor=center_admin,
        department=department,
        code="0101",  # a code Excel would turn into a number if it were not written as text
        name="企业投资项目核准",
        guide=guide_user,
        materials=["项目申请报告", "规划选址意见"],
    )
    seed_item(
        actor=center_admin,
        department=department,
        code="0102",
        name="企业投资项目备案",
        stage=Stage.CONSTRUCTION_LICENSE,
        guide=second_guide,
        prerequisites=["0101"],
    )
    seed_item(
        actor=center_admin,
        department=housing,
        code="HSB-001",
        name="建筑工程施工许可",
        stage=Stage.CONSTRUCTION_PERMIT,
        prerequisites=["0101", "0102"],
        materials=["施工合同"],
    )
    seed_item(actor=center_admin, department=housing, code="HSB-009", name="已停用事项", is_active=False)


def _export(client, user) -> bytes:
    client.force_login(user)
    response = client.get(reverse("catalogue:catalogue_export_xlsx"))
    assert response.status_code == 200
    return response.content


@pytest.mark.django_db
def test_importing_an_unchanged_export_changes_nothing(client, rich_catalogue, center_admin):
    content = _export(client, center_admin)
    before = catalogue_state()

    job = import_job_create(actor=center_admin, upload=upload(content))

    assert job.status == ImportJobStatus.SUCCEEDED, job.errors
    assert job.result == {}
    after = catalogue_state()
    assert after["audit"] == before["audit"] + 1
    assert AuditEvent.objects.latest("seq").action == "catalogue.import"
    assert {k: v for k, v in after.items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }


@pytest.mark.django_db
def test_importing_an_edited_export_changes_only_the_edits(
    client, rich_catalogue, center_admin, second_guide
):
    wb = load_workbook(io.BytesIO(_export(client, center_admin)))
    items = wb["事项"]
    for row in items.iter_rows(min_row=2):
        if row[0].value == "HSB-001":
            row[11].value = "0102"  # prerequisites: drop 0101
    guides = wb["指导员"]
    for row in guides.iter_rows(min_row=2):
        if row[0].value == "0101":
            row[1].value, row[2].value, row[3].value = second_guide.username, "", ""
            row[4].value, row[5].value = "", ""
    buffer = io.BytesIO()
    wb.save(buffer)
    seq = AuditEvent.objects.latest("seq").seq

    job = import_job_create(actor=center_admin, upload=upload(buffer.getvalue()))

    assert job.status == ImportJobStatus.SUCCEEDED, job.errors
    assert job.result == {"prerequisites_changed": 1, "guides_changed": 1}
    actions = list(AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("action", flat=True))
    assert actions == [
        "item.prerequisites_set",
        "guide_assignment.end",
        "guide_assignment.create",
        "guide_change.import",
        "catalogue.import",
    ]
    second_guide.refresh_from_db()
    assert second_guide.full_name == "指导员乙"  # blank cells keep the stored contacts


@pytest.mark.django_db
def test_round_trip_through_the_upload_page(client, rich_catalogue, center_admin):
    content = _export(client, center_admin)
    before = catalogue_state()

    response = client.post(reverse("catalogue:import"), {"file": upload(content, "目录.xlsx")})

    assert response.status_code == 302
    page = client.get(response["Location"])
    body = page.content.decode()
    assert 'data-status="succeeded"' in body
    assert "工作簿与现有目录一致，没有需要变更的数据。" in body
    assert "hx-trigger" not in body  # finished: no more polling
    assert catalogue_state()["items"] == before["items"]
