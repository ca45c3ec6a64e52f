"""The roster through the API: paginated, filtered, masked as on the page; downloads audited."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.testing import seed_item
from liaison.catalogue.stages import Stage
from liaison.directory.services.tokens import api_token_create

API = "/api/v1/catalogue-exchange"


@pytest.fixture
def catalogue(center_admin, department, other_department, guide_user, second_guide):
    seed_item(
        actor=center_admin, department=department, code="DRC-001", name="企业投资项目核准", guide=guide_user
    )
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-002",
        name="企业投资项目备案",
        stage=Stage.COMPLETION,
        guide=second_guide,
    )
    seed_item(actor=center_admin, department=other_department, code="NRB-001", name="建设用地规划许可")


@pytest.mark.django_db
def test_roster_api_pages_through_the_rows(client, catalogue, officer_user):
    client.force_login(officer_user)

    first = client.get(f"{API}/roster", {"limit": 2}).json()
    rest = client.get(f"{API}/roster", {"limit": 2, "offset": 2}).json()

    assert first["count"] == 3
    assert [r["item_code"] for r in first["items"]] == ["DRC-001", "DRC-002"]
    assert [(r["seq"], r["item_code"], r["guide_name"]) for r in rest["items"]] == [(3, "NRB-001", "")]
    row = first["items"][0]
    assert row["mobile"] == "13900002222"
    assert row["stage_label"] == "立项及备案用地规划许可阶段"
    assert row["start_date"]


@pytest.mark.django_db
def test_roster_api_masks_phones_for_an_applicant(client, catalogue, applicant):
    client.force_login(applicant)

    rows = client.get(f"{API}/roster").json()["items"]

    assert [r["mobile"] for r in rows] == ["139****2222", "139****3333", ""]
    assert "0871-63100001" not in str(rows)


@pytest.mark.django_db
def test_roster_api_filters_and_rejects_an_unknown_stage(client, catalogue, supervisor, other_department):
    client.force_login(supervisor)

    by_stage = client.get(f"{API}/roster", {"stage": "completion"}).json()
    by_department = client.get(f"{API}/roster", {"department": other_department.pk}).json()
    by_keyword = client.get(f"{API}/roster", {"q": "指导员甲"}).json()
    bad = client.get(f"{API}/roster", {"stage": "fifth"})

    assert [r["item_code"] for r in by_stage["items"]] == ["DRC-002"]
    assert [r["item_code"] for r in by_department["items"]] == ["NRB-001"]
    assert [r["item_code"] for r in by_keyword["items"]] == ["DRC-001"]
    assert bad.status_code == 422
    assert "取值无效" in bad.json()["detail"]


@pytest.mark.django_db
def test_roster_downloads_through_the_api_with_a_token(client, catalogue, project_office):
    _token, secret = api_token_create(user=project_office, name="对接")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    xlsx = client.get(f"{API}/roster.xlsx", {"stage": "completion"}, **headers)
    docx = client.get(f"{API}/roster.docx", **headers)

    assert xlsx.status_code == 200
    data = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(min_row=4, values_only=True))
    assert [(r[2], r[8]) for r in data] == [("DRC-002", "139****3333")]
    table = Document(io.BytesIO(docx.content)).tables[0]
    assert [c.text for c in table.rows[1].cells][5:9] == ["指导员甲", "科长", "0871-****0001", "139****2222"]
    assert list(AuditEvent.objects.filter(action="roster.export").values_list("actor", flat=True)) == [
        project_office.pk,
        project_office.pk,
    ]


@pytest.mark.django_db
def test_roster_api_requires_authentication(client, catalogue):
    for path in ("/roster", "/roster.xlsx", "/roster.docx", "/imports/1"):
        assert client.get(f"{API}{path}").status_code == 401
    assert not AuditEvent.objects.filter(action="roster.export").exists()


@pytest.mark.django_db
def test_catalogue_workbook_through_the_api_is_only_for_roles_that_see_full_phones(
    client, catalogue, dept_admin, applicant
):
    client.force_login(applicant)
    refused = client.get(f"{API}/catalogue.xlsx")
    client.force_login(dept_admin)
    allowed = client.get(f"{API}/catalogue.xlsx")

    assert refused.status_code == 403
    assert refused.json() == {"detail": "您无权导出事项目录。"}
    assert allowed.status_code == 200
    assert load_workbook(io.BytesIO(allowed.content)).sheetnames == ["部门", "事项", "材料", "指导员"]
    assert list(AuditEvent.objects.filter(action="roster.export").values_list("actor", flat=True)) == [
        dept_admin.pk
    ]
