"""The registry as .xlsx: content, filters, who may export, and the audit event it leaves."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from liaison.audit.models import AuditEvent
from liaison.core.errors import PermissionDenied
from liaison.officers.exchange.registry_xlsx import HEADER_ROW
from liaison.officers.services.officer_export import officer_export_xlsx
from liaison.officers.services.officer_status import officer_suspend

pytestmark = pytest.mark.django_db

URL = reverse("officers:officer_export_xlsx")


def rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [tuple(row) for row in sheet.iter_rows(min_row=HEADER_ROW, values_only=True)]


def test_the_workbook_lists_every_officer_with_full_contact_data(center_admin, officer, other_officer):
    officer_suspend(actor=center_admin, officer=other_officer, reason="外派学习")

    header, *data = rows(officer_export_xlsx(actor=center_admin))

    assert header[:5] == ("序号", "联络官编号", "姓名", "工作单位", "手机号码")
    assert [row[:5] for row in data] == [
        (1, officer.number, "联络官甲", "区投资促进局", "13800001111"),
        (2, other_officer.number, "联络官乙", "区住建局", "13700002222"),
    ]
    assert data[1][6:8] == ("暂停派任", "外派学习")
    assert data[0][8].date() == officer.registered_on


def test_the_workbook_has_a_title_row(center_admin, officer):
    sheet = load_workbook(io.BytesIO(officer_export_xlsx(actor=center_admin))).active

    assert "政务服务联络官登记表" in sheet["A1"].value
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"


def test_the_export_follows_the_list_filters(center_admin, officer, other_officer):
    _header, *data = rows(officer_export_xlsx(actor=center_admin, unit="区住建局"))

    assert [row[1] for row in data] == [other_officer.number]


def test_every_export_is_audited_with_its_filters_and_officers(center_admin, officer, other_officer):
    officer_export_xlsx(actor=center_admin, status="active")

    event = AuditEvent.objects.get(action="officer.export")
    assert event.actor == center_admin
    assert event.changes["extra"]["filters"] == {"keyword": "", "status": "active", "unit": ""}
    assert event.changes["extra"]["officer_ids"] == [officer.pk, other_officer.pk]
    assert "2 人" in event.summary


@pytest.mark.parametrize("persona", ["supervisor", "officer_user", "guide_user", "applicant", "dept_admin"])
def test_only_the_centre_may_export(request, persona, other_officer):
    with pytest.raises(PermissionDenied):
        officer_export_xlsx(actor=request.getfixturevalue(persona))
    assert not AuditEvent.objects.filter(action="officer.export").exists()


@pytest.mark.parametrize("persona", ["center_admin", "center_leader"])
def test_the_export_download_is_an_xlsx_attachment(request, client, persona, other_officer):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(URL, {"status": "active"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    assert ".xlsx" in response["Content-Disposition"]
    assert rows(response.content)[1][1] == other_officer.number


@pytest.mark.parametrize("persona", ["supervisor", "officer_user", "guide_user"])
def test_the_export_download_is_refused_to_others(request, client, persona, other_officer):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == 403
