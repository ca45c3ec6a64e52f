"""/api/v1/intake: suggestions, dispatch and reassignment, the two documents, contacts and settings."""

from __future__ import annotations

import pytest

from liaison.intake.models import Assignment, EnterpriseContact, ExchangeRate
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.tests.test_views_support import (
    api_client,
    docx_text,
    make_accepted,
    make_dispatched,
    make_officer,
    make_project,
    pdf_text,
    register_applicant,
)
from liaison.officers.services.officer_status import officer_suspend
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db
BASE = "/api/v1/intake"


def _post(client, path, data, user):
    return client.post(f"{BASE}{path}", data, content_type="application/json", **api_client(user))


def test_suggestions_then_dispatch_a_lead_and_an_assistant(client, center_admin):
    busy, free, helper = (make_officer(center_admin, full_name=n) for n in ("忙碌者", "空闲者", "协办者"))
    make_dispatched(register_applicant(), center_admin, busy)
    accepted = make_accepted(register_applicant(), center_admin)
    ranked = client.get(
        f"{BASE}/projects/{accepted.project_id}/suggestions", **api_client(center_admin)
    ).json()
    assert ranked[-1]["name"] == "忙碌者" and ranked[-1]["open_projects"] == 1
    assert all(s["reasons"] for s in ranked)
    response = _post(
        client,
        f"/projects/{accepted.project_id}/dispatch",
        {"lead_id": free.pk, "assistant_ids": [helper.pk]},
        center_admin,
    )
    assert response.status_code == 201, response.content
    assert [(a["name"], a["role"]) for a in response.json()] == [("空闲者", "lead"), ("协办者", "assistant")]


def test_dispatching_twice_is_a_conflict(client, center_admin):
    first, second = make_officer(center_admin), make_officer(center_admin)
    accepted = make_accepted(register_applicant(), center_admin)
    assignment_dispatch(
        actor=make_user("t_admin2", roles=("center_admin",)), project=accepted.project, lead=first
    )
    response = _post(
        client, f"/projects/{accepted.project_id}/dispatch", {"lead_id": second.pk}, center_admin
    )
    assert response.status_code == 409
    assert Assignment.objects.filter(is_active=True).count() == 1


def test_unknown_or_suspended_officer_is_refused(client, center_admin):
    officer = make_officer(center_admin)
    officer_suspend(actor=center_admin, officer=officer, reason="停职学习")
    accepted = make_accepted(register_applicant(), center_admin)
    unknown = _post(client, f"/projects/{accepted.project_id}/dispatch", {"lead_id": 9999}, center_admin)
    assert unknown.status_code == 400 and "联络官不存在" in unknown.json()["detail"]
    suspended = _post(
        client, f"/projects/{accepted.project_id}/dispatch", {"lead_id": officer.pk}, center_admin
    )
    assert suspended.status_code == 400 and "不能派任" in suspended.json()["detail"]
    assert not Assignment.objects.exists()


def test_reassign_requires_a_reason(client, center_admin):
    first, second = make_officer(center_admin), make_officer(center_admin)
    project = make_dispatched(register_applicant(), center_admin, first)
    missing = _post(
        client, f"/projects/{project.pk}/reassign", {"lead_id": second.pk, "reason": " "}, center_admin
    )
    assert missing.status_code == 400 and "变更派任须填写原因" in missing.json()["detail"]
    ok = _post(
        client, f"/projects/{project.pk}/reassign", {"lead_id": second.pk, "reason": "工作调动"}, center_admin
    )
    assert ok.status_code == 201
    detail = client.get(f"{BASE}/projects/{project.pk}", **api_client(center_admin)).json()
    assert [(a["officer_id"], a["is_active"]) for a in detail["assignments"]] == [
        (second.pk, True),
        (first.pk, False),
    ]


@pytest.mark.parametrize("persona", ["supervisor", "center_leader", "project_office"])
def test_oversight_roles_cannot_dispatch(client, request, persona, center_admin):
    officer = make_officer(center_admin)
    accepted = make_accepted(register_applicant(), center_admin)
    user = request.getfixturevalue(persona)
    assert (
        client.get(f"{BASE}/projects/{accepted.project_id}/suggestions", **api_client(user)).status_code
        == 403
    )
    assert (
        _post(client, f"/projects/{accepted.project_id}/dispatch", {"lead_id": officer.pk}, user).status_code
        == 403
    )
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("persona", ["officer_user", "guide_user", "applicant"])
def test_projects_out_of_sight_are_404_for_dispatch(client, request, persona, center_admin):
    officer = make_officer(center_admin)
    accepted = make_accepted(register_applicant(), center_admin)
    user = request.getfixturevalue(persona)
    assert (
        client.get(f"{BASE}/projects/{accepted.project_id}/suggestions", **api_client(user)).status_code
        == 404
    )
    assert (
        _post(client, f"/projects/{accepted.project_id}/dispatch", {"lead_id": officer.pk}, user).status_code
        == 404
    )


def test_documents_download_as_docx_and_pdf(client, center_admin, tmp_path):
    applicant = register_applicant()
    project = make_dispatched(
        applicant, center_admin, make_officer(center_admin), make_project(applicant, name="翠湖智造研发中心")
    )
    headers = api_client(applicant)
    for path in ("assignment-order", "assignment-order.docx", "agreement.docx"):
        response = client.get(f"{BASE}/projects/{project.pk}/{path}", **headers)
        assert response.status_code == 200, path
        assert "翠湖智造研发中心" in docx_text(response.content)
    pdf = client.get(f"{BASE}/projects/{project.pk}/assignment-order.pdf", **headers)
    assert pdf.content.startswith(b"%PDF")
    assert "翠湖智造研发中心" in pdf_text(pdf.content, tmp_path)


def test_documents_are_404_for_the_project_office_and_strangers(client, center_admin, project_office):
    project = make_dispatched(register_applicant(), center_admin, make_officer(center_admin))
    for user in (project_office, register_applicant()):
        assert (
            client.get(f"{BASE}/projects/{project.pk}/assignment-order.docx", **api_client(user)).status_code
            == 404
        )


def test_order_before_dispatch_is_a_clear_400(client, center_admin):
    accepted = make_accepted(register_applicant(), center_admin)
    response = client.get(
        f"{BASE}/projects/{accepted.project_id}/assignment-order.docx", **api_client(center_admin)
    )
    assert response.status_code == 400 and "尚未派任" in response.json()["detail"]


def test_enterprise_contacts_list_and_change(client):
    applicant = register_applicant()
    headers = api_client(applicant)
    assert len(client.get(f"{BASE}/enterprise/contacts", **headers).json()) == 2
    bad = _post(
        client, "/enterprise/contacts", {"role": "lead", "name": "新负责人", "mobile": "123"}, applicant
    )
    assert bad.status_code == 400 and "手机号码" in bad.json()["detail"]
    ok = _post(
        client,
        "/enterprise/contacts",
        {"role": "lead", "name": "新负责人", "mobile": "13911112222"},
        applicant,
    )
    assert ok.status_code == 201 and ok.json()["is_current"] is True
    assert EnterpriseContact.objects.filter(enterprise_id=applicant.enterprise_id).count() == 3
    other = register_applicant()
    assert (
        client.get(
            f"{BASE}/enterprise/contacts", {"enterprise_id": other.enterprise_id}, **headers
        ).status_code
        == 404
    )


def test_settings_read_by_the_centre_and_written_by_centre_staff(
    client, center_admin, center_leader, applicant
):
    assert len(client.get(f"{BASE}/settings/thresholds", **api_client(center_leader)).json()) == 2
    assert client.get(f"{BASE}/settings/rates", **api_client(applicant)).status_code == 403
    rate = {"currency": "USD", "cny_per_unit": "7.1", "effective_date": "2026-01-02"}
    assert _post(client, "/settings/rates", rate, center_leader).status_code == 403
    created = _post(client, "/settings/rates", rate, center_admin)
    assert created.status_code == 201 and created.json()["currency"] == "USD"
    duplicate = _post(client, "/settings/rates", rate, center_admin)
    assert duplicate.status_code == 400
    negative = _post(
        client,
        "/settings/thresholds",
        {"investment_source": "domestic", "amount": "-1", "currency": "CNY", "effective_from": "2026-01-01"},
        center_admin,
    )
    assert negative.status_code == 400 and "金额应大于0" in negative.json()["detail"]
    assert ExchangeRate.objects.count() == 1
