"""/api/v1/tracking obligations: the same service and rules as the page; hidden 404, refused 403, bad 400."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.services.obligations import default_due
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
BASE = "/api/v1/tracking"
JSON = "application/json"


@pytest.fixture
def planned(track):
    draft(track.world, track.project, START)
    return track


def _as(client, user):
    client.force_login(user)
    return client


def _soon(days: int = 5) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def test_the_officer_sets_a_to_do_the_enterprise_lists_and_completes_it(client, planned):
    w = planned.world
    a = item_of(planned.project, "A")
    url = f"{BASE}/projects/{planned.project.pk}/obligations"
    created = _as(client, w.officer_user).post(
        url,
        {"kind": "revision", "title": "修改总平面图", "due_on": _soon(20), "project_item_id": a.pk},
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["kind"], body["project_item_id"], body["done"], body["light"]) == (
        "revision",
        a.pk,
        False,
        "green",
    )
    mine = _as(client, w.applicant).get(f"{BASE}/obligations").json()
    assert [o["title"] for o in mine] == ["修改总平面图"] and mine[0]["can_complete"]
    assert _as(client, w.other_applicant).get(f"{BASE}/obligations").json() == []
    done = _as(client, w.applicant).post(f"{BASE}/obligations/{body['id']}/complete")
    assert done.status_code == 200 and done.json()["done"] and done.json()["light"] == "done"
    again = _as(client, w.officer_user).post(f"{BASE}/obligations/{body['id']}/complete")
    assert again.status_code == 409 and again.json()["detail"]
    listed = _as(client, w.officer_user).get(url).json()
    assert [(o["title"], o["done"]) for o in listed] == [("修改总平面图", True)]


def test_without_a_date_the_centres_default_period_applies(client, planned):
    response = _as(client, planned.world.officer_user).post(
        f"{BASE}/projects/{planned.project.pk}/obligations",
        {"kind": "attendance", "title": "到窗口现场签字"},
        content_type=JSON,
    )
    assert response.status_code == 201
    assert response.json()["due_on"] == default_due().isoformat()


def test_outsiders_get_404_the_enterprise_and_guides_403(client, planned):
    w = planned.world
    url = f"{BASE}/projects/{planned.project.pk}/obligations"
    payload = {"kind": "fee", "title": "缴费", "due_on": _soon()}
    assert _as(client, w.other_applicant).get(url).status_code == 404
    assert _as(client, w.other_applicant).post(url, payload, content_type=JSON).status_code == 404
    for user in (w.applicant, w.guide):
        refused = _as(client, user).post(url, payload, content_type=JSON)
        assert refused.status_code == 403 and refused.json()["detail"]
    assert not EnterpriseObligation.objects.exists()
    created = _as(client, w.officer_user).post(url, payload, content_type=JSON).json()
    hidden = _as(client, w.other_applicant).post(f"{BASE}/obligations/{created['id']}/complete")
    assert hidden.status_code == 404
    assert _as(client, w.supervisor).post(f"{BASE}/obligations/{created['id']}/complete").status_code == 403


@pytest.mark.parametrize(
    "overrides",
    [{"title": "  "}, {"kind": "party"}, {"due_on": "2020-01-02"}, {"project_item_id": 999999}],
    ids=["blank-title", "bad-kind", "past-date", "foreign-item"],
)
def test_bad_input_is_a_400_with_a_message_and_nothing_saved(client, planned, overrides):
    payload = {"kind": "fee", "title": "缴费", "due_on": _soon(), **overrides}
    response = _as(client, planned.world.officer_user).post(
        f"{BASE}/projects/{planned.project.pk}/obligations", payload, content_type=JSON
    )
    assert response.status_code == 400, response.content
    assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json()["detail"])
    assert not EnterpriseObligation.objects.exists()


def test_a_malformed_date_is_refused_not_a_500(client, planned):
    response = _as(client, planned.world.officer_user).post(
        f"{BASE}/projects/{planned.project.pk}/obligations",
        {"kind": "fee", "title": "缴费", "due_on": "明天"},
        content_type=JSON,
    )
    assert response.status_code in (400, 422)
    assert not EnterpriseObligation.objects.exists()
