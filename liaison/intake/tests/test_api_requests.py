"""/api/v1/intake/requests: drafting, each transition allowed and forbidden, attachments."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.intake.models import Entrustment, EntrustmentAttachment, EntrustmentStatus
from liaison.intake.services.review import entrustment_accept
from liaison.intake.tests.test_views_support import (
    api_client,
    make_draft,
    make_item,
    make_project,
    make_submitted,
    register_applicant,
)
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db
BASE = "/api/v1/intake"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _plain_http(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _post(client, path, data, user):
    return client.post(f"{BASE}{path}", data, content_type="application/json", **api_client(user))


def test_applicant_drafts_edits_and_submits_a_partial_request(client, center_admin, department):
    item = make_item(center_admin, department, stage="construction_license")
    applicant = register_applicant()
    project = make_project(applicant)
    created = _post(
        client, "/requests", {"project_id": project.pk, "scope": "partial", "item_ids": [item.pk]}, applicant
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "draft" and body["stages"] == ["construction_license"]
    assert body["allowed_actions"]["submit"] is True
    patched = client.patch(
        f"{BASE}/requests/{body['id']}",
        {"notes": "请尽快"},
        content_type="application/json",
        **api_client(applicant),
    )
    assert patched.json()["notes"] == "请尽快" and patched.json()["item_ids"] == [item.pk]
    refused = _post(client, f"/requests/{body['id']}/submit", {}, applicant)
    assert refused.status_code == 400 and "请阅读并同意" in refused.json()["detail"]
    submitted = _post(client, f"/requests/{body['id']}/submit", {"accept_terms": True}, applicant)
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    assert submitted.json()["eligibility"]["eligible"] is True


def test_ineligible_request_needs_a_reason_over_the_api(client):
    applicant = register_applicant()
    draft = make_draft(applicant, project=make_project(applicant, total_investment="19999999.99"))
    refused = _post(client, f"/requests/{draft.pk}/submit", {"accept_terms": True}, applicant)
    assert refused.status_code == 400 and refused.json()["field"] == "ineligible_reason"
    ok = _post(
        client,
        f"/requests/{draft.pk}/submit",
        {"accept_terms": True, "ineligible_reason": "招商配套"},
        applicant,
    )
    assert ok.json()["ineligible_reason"] == "招商配套"


def test_bad_scope_is_refused_and_nothing_saved(client):
    applicant = register_applicant()
    project = make_project(applicant)
    response = _post(client, "/requests", {"project_id": project.pk, "scope": "half"}, applicant)
    assert response.status_code == 400 and "请选择全程委托或部分委托" in response.json()["detail"]
    assert not Entrustment.objects.exists()


def test_centre_returns_then_accepts_after_resubmission(client, center_admin):
    applicant = register_applicant()
    submitted = make_submitted(applicant)
    empty = _post(client, f"/requests/{submitted.pk}/return", {"missing": [" "]}, center_admin)
    assert empty.status_code == 400 and "一次性告知" in empty.json()["detail"]
    returned = _post(client, f"/requests/{submitted.pk}/return", {"missing": ["用地红线图"]}, center_admin)
    assert returned.json()["status"] == "returned" and returned.json()["missing_information"] == [
        "用地红线图"
    ]
    _post(client, f"/requests/{submitted.pk}/submit", {"accept_terms": True}, applicant)
    accepted = _post(client, f"/requests/{submitted.pk}/accept", {"comment": "齐全"}, center_admin)
    assert accepted.json()["status"] == "accepted"
    project = client.get(f"{BASE}/projects/{submitted.project_id}", **api_client(center_admin)).json()
    assert project["service_number"].startswith("WH-")


def test_centre_rejects_with_a_reason(client, center_admin):
    submitted = make_submitted(register_applicant())
    assert _post(client, f"/requests/{submitted.pk}/reject", {"reason": ""}, center_admin).status_code == 400
    rejected = _post(client, f"/requests/{submitted.pk}/reject", {"reason": "不属于代办范围"}, center_admin)
    assert rejected.json()["status"] == "rejected"


def test_lost_race_answers_409_naming_who_decided(client, center_admin):
    colleague = make_user("t_center_admin2", roles=("center_admin",), full_name="中心审核员乙")
    submitted = make_submitted(register_applicant())
    entrustment_accept(actor=colleague, entrustment=submitted)
    response = _post(client, f"/requests/{submitted.pk}/accept", {}, center_admin)
    assert response.status_code == 409
    assert "中心审核员乙" in response.json()["detail"]


@pytest.mark.parametrize("action", ["return", "accept", "reject"])
def test_applicant_cannot_decide_its_own_request(client, action):
    applicant = register_applicant()
    submitted = make_submitted(applicant)
    response = _post(
        client, f"/requests/{submitted.pk}/{action}", {"missing": ["x"], "reason": "x"}, applicant
    )
    assert response.status_code == 403
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.SUBMITTED


@pytest.mark.parametrize("persona", ["supervisor", "center_leader", "project_office"])
def test_oversight_reads_but_cannot_decide(client, request, persona):
    submitted = make_submitted(register_applicant())
    user = request.getfixturevalue(persona)
    assert client.get(f"{BASE}/requests/{submitted.pk}", **api_client(user)).status_code == 200
    assert _post(client, f"/requests/{submitted.pk}/accept", {}, user).status_code == 403
    assert Entrustment.objects.get(pk=submitted.pk).status == EntrustmentStatus.SUBMITTED


@pytest.mark.parametrize("persona", ["officer_user", "guide_user", "center_admin", "applicant"])
def test_an_enterprises_draft_is_404_to_everyone_else(client, request, persona):
    draft = make_draft(register_applicant())
    user = request.getfixturevalue(persona)
    assert client.get(f"{BASE}/requests/{draft.pk}", **api_client(user)).status_code == 404
    assert _post(client, f"/requests/{draft.pk}/submit", {"accept_terms": True}, user).status_code == 404
    assert _post(client, f"/requests/{draft.pk}/withdraw", {}, user).status_code == 404
    assert Entrustment.objects.get(pk=draft.pk).status == EntrustmentStatus.DRAFT


def test_withdraw_and_list_by_status(client):
    applicant = register_applicant()
    submitted = make_submitted(applicant)
    make_draft(applicant)
    assert (
        _post(client, f"/requests/{submitted.pk}/withdraw", {"reason": "暂缓"}, applicant).json()["status"]
        == "withdrawn"
    )
    listing = client.get(f"{BASE}/requests", {"status": "withdrawn"}, **api_client(applicant)).json()
    assert [r["id"] for r in listing["items"]] == [submitted.pk]
    assert client.get(f"{BASE}/requests", **api_client(applicant)).json()["count"] == 2


def test_attachment_upload_checks_the_content(client):
    applicant = register_applicant()
    draft = make_draft(applicant)
    headers = api_client(applicant)
    ok = client.post(
        f"{BASE}/requests/{draft.pk}/attachments",
        {"file": SimpleUploadedFile("证明.pdf", PDF), "description": "备案证明"},
        **headers,
    )
    assert ok.status_code == 201, ok.content
    assert ok.json()["content_type"] == "application/pdf"
    bad = client.post(
        f"{BASE}/requests/{draft.pk}/attachments", {"file": SimpleUploadedFile("x.pdf", b"hello")}, **headers
    )
    assert bad.status_code == 400 and "文件类型不符合要求" in bad.json()["detail"]
    assert EntrustmentAttachment.objects.count() == 1
    other = client.post(
        f"{BASE}/requests/{draft.pk}/attachments",
        {"file": SimpleUploadedFile("证明.pdf", PDF)},
        **api_client(register_applicant()),
    )
    assert other.status_code == 404
