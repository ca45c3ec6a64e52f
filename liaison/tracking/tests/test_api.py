"""/api/v1/tracking: the same rules as the pages, per role; hidden objects 404, refusals with a message."""

from __future__ import annotations

import pytest

from liaison.tracking.models import MaterialFile, PlanVersion, ServicePlan
from liaison.tracking.services.project_items import project_item_prepare
from liaison.tracking.tests.builders import draft, item_of, pdf
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
BASE = "/api/v1/tracking"


@pytest.fixture
def planned(track):
    draft(track.world, track.project, START)
    return track


def _as(client, user):
    client.force_login(user)
    return client


def test_the_officer_lists_the_project_items_with_lights_and_actions(client, planned):
    body = _as(client, planned.world.officer_user).get(f"{BASE}/projects/{planned.project.pk}/items").json()
    assert body["count"] == 5
    first = body["items"][0]
    assert first["code"] == "A" and first["light"] == "red" and "prepare" in first["actions"]


def test_the_items_of_a_project_are_not_found_for_another_enterprise(client, planned):
    response = _as(client, planned.world.other_applicant).get(f"{BASE}/projects/{planned.project.pk}/items")
    assert response.status_code == 404 and response.json()["detail"]


def test_a_step_through_the_api_is_taken_by_the_same_service(client, planned):
    item = item_of(planned.project, "A")
    url = f"{BASE}/items/{item.pk}/transitions"
    response = _as(client, planned.world.officer_user).post(
        url, {"name": "prepare"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["state"] == "preparing"
    refused = _as(client, planned.world.applicant).post(
        url, {"name": "submit"}, content_type="application/json"
    )
    assert refused.status_code == 403 and refused.json()["detail"]
    hidden = _as(client, planned.world.other_applicant).post(
        url, {"name": "submit"}, content_type="application/json"
    )
    assert hidden.status_code == 404


def test_a_supplement_needs_its_list_of_missing_items(client, planned):
    item = planned.driver.to(item_of(planned.project, "A"), "accepted")
    url = f"{BASE}/items/{item.pk}/transitions"
    guide = _as(client, planned.world.guide)
    response = guide.post(url, {"name": "request_supplement", "missing": []}, content_type="application/json")
    assert response.status_code == 400 and "一次性告知" in response.json()["detail"]
    item.refresh_from_db()
    assert item.state == "accepted"
    response = guide.post(
        url, {"name": "request_supplement", "missing": ["缺图纸"]}, content_type="application/json"
    )
    assert response.json()["state"] == "supplement_requested" and response.json()["light"] == "paused"


def test_draft_and_confirm_the_plan_then_read_it(client, track):
    officer = _as(client, track.world.officer_user)
    url = f"{BASE}/projects/{track.project.pk}/plan"
    assert officer.get(url).json()["drafted"] is False
    bad = officer.post(url + "/draft", {"start_date": "not a date"}, content_type="application/json")
    assert bad.status_code == 422 and not ServicePlan.objects.exists()
    response = officer.post(
        url + "/draft", {"start_date": START.isoformat()}, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["stages"][0]["stage"] == "approval_land"
    response = officer.post(url + "/confirm", {"reason": "商定"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["number"] == 1
    again = officer.post(url + "/confirm", {}, content_type="application/json")
    assert again.status_code == 400 and PlanVersion.objects.count() == 1
    assert officer.get(url).json()["current_version"] == 1


def test_the_enterprise_may_read_but_not_draft_the_plan(client, track):
    applicant = _as(client, track.world.applicant)
    url = f"{BASE}/projects/{track.project.pk}/plan"
    response = applicant.post(
        url + "/draft", {"start_date": START.isoformat()}, content_type="application/json"
    )
    assert response.status_code == 403 and not ServicePlan.objects.exists()
    assert applicant.get(url).status_code == 200
    assert _as(client, track.world.other_applicant).get(url).status_code == 404


def test_reschedule_previews_then_applies(client, planned):
    a, b = item_of(planned.project, "A"), item_of(planned.project, "B")
    url = f"{BASE}/items/{a.pk}/reschedule"
    officer = _as(client, planned.world.officer_user)
    preview = officer.post(url, {"planned_start": "2026-10-19"}, content_type="application/json").json()
    assert {c["code"] for c in preview} >= {"A", "B"}
    b_before = b.planned_start
    b.refresh_from_db()
    assert b.planned_start == b_before
    officer.post(url, {"planned_start": "2026-10-19", "confirm": True}, content_type="application/json")
    b.refresh_from_db()
    assert b.planned_start > b_before


def test_the_timeline_is_for_the_enterprise_and_not_for_outsiders(client, planned):
    url = f"{BASE}/projects/{planned.project.pk}/timeline"
    body = _as(client, planned.world.applicant).get(url).json()
    assert any("服务方案" in e["text"] for e in body["general"])
    assert _as(client, planned.world.other_applicant).get(url).status_code == 404


def test_materials_upload_accept_and_revision(client, planned):
    item = project_item_prepare(actor=planned.world.officer_user, project_item=item_of(planned.project, "A"))
    m1, m2 = item.materials.get(seq=1), item.materials.get(seq=2)
    applicant = _as(client, planned.world.applicant)
    response = applicant.post(f"{BASE}/materials/{m1.pk}/files", {"file": pdf("表.pdf"), "note": "原件扫描"})
    assert response.status_code == 201 and response.json()["version"] == 1
    bad = applicant.post(f"{BASE}/materials/{m2.pk}/files", {"file": pdf("x.pdf", b"plain text, not a pdf")})
    assert bad.status_code == 400 and bad.json()["detail"]
    assert MaterialFile.objects.count() == 1
    assert applicant.post(f"{BASE}/materials/{m1.pk}/accept").status_code == 403
    guide = _as(client, planned.world.guide)
    assert guide.post(f"{BASE}/materials/{m1.pk}/accept").json()["status"] == "accepted"
    empty = guide.post(f"{BASE}/materials/{m1.pk}/revision", {"reason": ""}, content_type="application/json")
    assert empty.status_code == 400
    other = _as(client, planned.world.other_applicant)
    assert other.post(f"{BASE}/materials/{m1.pk}/files", {"file": pdf()}).status_code == 404


def test_the_todo_and_the_overview(client, planned):
    body = _as(client, planned.world.officer_user).get(f"{BASE}/todo").json()
    assert body["count"] == 5
    assert _as(client, planned.world.officer_user).get(f"{BASE}/overview").status_code == 403
    overview = _as(client, planned.world.center_admin).get(f"{BASE}/overview").json()
    assert overview["items"]["red"] >= 1


def test_plan_changes_are_refused_to_the_enterprise_and_hidden_from_outsiders(client, planned):
    a = item_of(planned.project, "A")
    body = {"planned_start": "2026-10-19", "confirm": True}
    applicant = _as(client, planned.world.applicant)
    assert (
        applicant.post(f"{BASE}/items/{a.pk}/reschedule", body, content_type="application/json").status_code
        == 403
    )
    url = f"{BASE}/projects/{planned.project.pk}/plan/confirm"
    assert applicant.post(url, {}, content_type="application/json").status_code == 403
    other = _as(client, planned.world.other_applicant)
    assert (
        other.post(f"{BASE}/items/{a.pk}/reschedule", body, content_type="application/json").status_code
        == 404
    )
    assert other.post(url, {}, content_type="application/json").status_code == 404
    assert not PlanVersion.objects.exists()


def test_an_unknown_step_is_a_clear_error(client, planned):
    item = item_of(planned.project, "A")
    response = _as(client, planned.world.officer_user).post(
        f"{BASE}/items/{item.pk}/transitions", {"name": "explode"}, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["detail"] == "未知的办理操作。"


def test_the_api_needs_authentication(client, planned):
    assert client.get(f"{BASE}/todo").status_code == 401


def test_the_tracking_endpoints_are_in_the_openapi_schema(client, center_admin):
    client.force_login(center_admin)
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/v1/tracking/projects/{project_id}/items",
        "/api/v1/tracking/items/{item_id}/transitions",
        "/api/v1/tracking/projects/{project_id}/plan/draft",
        "/api/v1/tracking/materials/{material_id}/files",
        "/api/v1/tracking/overview",
    ):
        assert path in paths
