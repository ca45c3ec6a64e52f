"""/api/v1/audit: the same readers as the pages (audit administrator, supervisors), the same filters, verification."""

from __future__ import annotations

import pytest

from liaison.audit.services.events import audit_record
from liaison.audit.tests.helpers import record

pytestmark = pytest.mark.django_db
BASE = "/api/v1/audit"


def _as(client, user):
    """Sign in with a session (token auth is tested in web/tests/test_api_auth.py)."""
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", ["audit_admin", "supervisor"])
def test_readers_list_events_newest_first(client, request, persona, center_admin):
    record(center_admin, n=3)
    user = request.getfixturevalue(persona)
    response = _as(client, user).get(f"{BASE}/events")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [e["seq"] for e in body["items"]] == [3, 2, 1]
    assert body["items"][0]["actor_name"] == "中心管理员"
    assert body["items"][0]["action_label"] == "修改职能部门"


@pytest.mark.parametrize(
    "persona",
    [
        "center_admin",
        "center_leader",
        "officer_user",
        "guide_user",
        "dept_admin",
        "applicant",
        "project_office",
        "system_admin",
        "security_admin",
    ],
)
def test_other_roles_get_403_on_the_list_and_404_on_an_event(client, request, persona, center_admin):
    (event,) = record(center_admin)
    _as(client, request.getfixturevalue(persona))
    listing = client.get(f"{BASE}/events")
    assert listing.status_code == 403
    assert listing.json()["detail"] == "您无权查看审计日志。"
    assert client.get(f"{BASE}/events/{event.seq}").status_code == 404
    assert client.post(f"{BASE}/verify").status_code == 403


def test_without_credentials_the_api_answers_401(client):
    assert client.get(f"{BASE}/events").status_code == 401


def test_list_filters_and_pagination(client, supervisor, center_admin, officer_user):
    record(center_admin, n=5)
    audit_record(
        actor=officer_user, action="guide_change.register", object_type="x.y", object_id=1, summary="登记"
    )
    _as(client, supervisor)
    page = client.get(f"{BASE}/events", {"limit": 2, "offset": 2}).json()
    assert page["count"] == 6
    assert [e["seq"] for e in page["items"]] == [4, 3]
    by_action = client.get(f"{BASE}/events", {"action": "guide_change.register"}).json()
    assert [e["summary"] for e in by_action["items"]] == ["登记"]
    assert by_action["items"][0]["action_label"] == "登记指导员变更"
    by_actor = client.get(f"{BASE}/events", {"actor": officer_user.pk}).json()
    assert by_actor["count"] == 1
    by_q = client.get(f"{BASE}/events", {"q": "修改第2次"}).json()
    assert by_q["count"] == 1


def test_a_bad_date_filter_is_422_with_a_chinese_message(client, supervisor):
    response = _as(client, supervisor).get(f"{BASE}/events", {"date_from": "2026-02-30"})
    assert response.status_code == 422
    assert "日期格式" in response.json()["detail"]


def test_a_reversed_date_range_is_400(client, supervisor):
    response = _as(client, supervisor).get(
        f"{BASE}/events", {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "截止日期不能早于起始日期。"


def test_an_event_shows_its_changes_and_hashes(client, audit_admin, center_admin):
    first, second = record(center_admin, n=2)
    body = _as(client, audit_admin).get(f"{BASE}/events/{second.seq}").json()
    assert body["hash"] == second.hash
    assert body["prev_hash"] == first.hash
    assert body["changes"]["diff"]["phone"] == ["0871-63100001", "0871-63100011"]


def test_a_missing_event_is_404(client, supervisor):
    response = _as(client, supervisor).get(f"{BASE}/events/42")
    assert response.status_code == 404
    assert response.json()["detail"] == "审计事件不存在。"


def test_verify_reports_intact_and_broken_chains(client, supervisor, center_admin):
    from liaison.audit.tests.test_chain import _tamper

    record(center_admin, n=3)
    _as(client, supervisor)
    assert client.post(f"{BASE}/verify").json() == {
        "ok": True,
        "checked": 3,
        "broken_seq": None,
        "reason": "",
    }
    _tamper("UPDATE audit_auditevent SET summary = %s WHERE seq = %s", ["篡改", 2])
    body = client.post(f"{BASE}/verify").json()
    assert body["ok"] is False
    assert body["broken_seq"] == 2
    assert body["checked"] == 1
