"""/api/v1/coordination: raise, list, read and step a difficulty; 404 for the unseen, 403 for the
wrong role, 400 with the field for bad input."""

from __future__ import annotations

import pytest

from liaison.coordination.models import Difficulty

pytestmark = pytest.mark.django_db
BASE = "/api/v1/coordination/difficulties"


def _as(client, user):
    client.force_login(user)
    return client


def test_raise_and_walk_the_escalation_through_the_api(client, case):
    w = case.world
    made = _as(client, w.officer_user).post(
        BASE,
        {
            "project_id": case.project.pk,
            "title": "用地红线与规划条件不一致",
            "description": "说明",
            "analysis": "分析",
            "proposal": "建议",
            "project_item": case.item.pk,
        },
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    assert made.json()["actions"] == ["resolve", "report", "withdraw"]
    assert (
        client.post(
            f"{BASE}/{pk}/steps/report", {"comment": "需中心协调"}, content_type="application/json"
        ).status_code
        == 200
    )

    c = _as(client, w.center_admin)
    bad = c.post(f"{BASE}/{pk}/steps/escalate", {"comment": "附材料"}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["field"] == "category"
    ok = c.post(
        f"{BASE}/{pk}/steps/escalate",
        {"comment": "附材料", "category": "other"},
        content_type="application/json",
    )
    assert ok.json()["state"] == "awaiting_approval" and ok.json()["category"] == "other"
    assert _as(client, w.project_office).get(f"{BASE}/{pk}").status_code == 404  # not approved yet
    approved = _as(client, w.center_leader).post(
        f"{BASE}/{pk}/steps/approve_escalation", {"comment": "同意"}, content_type="application/json"
    )
    assert approved.status_code == 200 and approved.json()["state"] == "escalated"

    office = _as(client, w.project_office)
    assert [r["id"] for r in office.get(BASE).json()["items"]] == [pk]
    concluded = office.post(
        f"{BASE}/{pk}/steps/conclude", {"comment": "会议已明确"}, content_type="application/json"
    )
    assert concluded.status_code == 200 and concluded.json()["state"] == "concluded"
    fed = _as(client, w.center_admin).post(
        f"{BASE}/{pk}/steps/feed_back", {"comment": "已反馈"}, content_type="application/json"
    )
    assert fed.json()["state"] == "resolved" and [s["name"] for s in fed.json()["steps"]][-1] == "feed_back"

    seen = _as(client, w.applicant).get(f"{BASE}/{pk}").json()
    assert seen["outcome"] == "已反馈" and seen["steps"] == [] and seen["actions"] == []
    assert (seen["description"], seen["analysis"], seen["proposal"], seen["category"]) == (
        None,
        None,
        None,
        None,
    )


def test_refusals(client, case):
    w = case.world
    made = _as(client, w.officer_user).post(
        BASE,
        {"project_id": case.project.pk, "title": " ", "description": "说明"},
        content_type="application/json",
    )
    assert made.status_code == 400 and made.json()["field"] == "title"
    other_item = _as(client, w.officer_user).post(
        BASE,
        {
            "project_id": case.project.pk,
            "title": "t",
            "description": "d",
            "analysis": "a",
            "proposal": "p",
            "project_item": 999999,
        },
        content_type="application/json",
    )
    assert other_item.status_code == 400 and other_item.json()["field"] == "project_item"
    assert not Difficulty.objects.exists()
    ok = client.post(
        BASE,
        {"project_id": case.project.pk, "title": "t", "description": "d", "analysis": "a", "proposal": "p"},
        content_type="application/json",
    )
    pk = ok.json()["id"]
    assert _as(client, case.other_officer.user).get(f"{BASE}/{pk}").status_code == 404
    leader = _as(client, w.center_leader).post(
        f"{BASE}/{pk}/steps/report", {"comment": "x"}, content_type="application/json"
    )
    assert leader.status_code == 403
    assert _as(client, w.officer_user).get(f"{BASE}?state=bogus").status_code == 400
    missing = client.post(f"{BASE}/{pk}/steps/report", {}, content_type="application/json")
    assert missing.status_code == 422
    assert _as(client, w.guide).get(f"{BASE}/{pk}").status_code == 404
    assert _as(client, w.project_office).get(f"{BASE}/{pk}").status_code == 404
