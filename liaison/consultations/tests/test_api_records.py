"""/api/v1/consultations: the list's filters and lights, records, the centre's overview and settings, OpenAPI."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from liaison.consultations.models import Consultation
from liaison.consultations.services.relay import consultation_relay
from liaison.consultations.services.replies import consultation_reply
from liaison.consultations.services.routing import consultation_forward
from liaison.consultations.settings_row import consultation_settings
from liaison.consultations.tests.builders import reply_form
from liaison.consultations.tests.test_api_support import Caller

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread(desk):
    """Waiting on desk.guide (made overdue), forwarded to NRB, answered and relayed."""
    late = desk.raise_(subject="超期的咨询")
    Consultation.objects.filter(pk=late.pk).update(reply_due=dt.date(2026, 11, 2))
    forwarded = consultation_forward(
        actor=desk.guide,
        consultation=desk.raise_(subject="转办的咨询"),
        to_item=desk.other_item,
        note="属自然资源局",
    )
    done = desk.raise_(subject="已转告的咨询")
    consultation_reply(actor=desk.guide, consultation=done, form=reply_form())
    consultation_relay(actor=desk.officer, consultation=done)
    return {"late": late, "forwarded": forwarded, "done": done}


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["items"]]


def test_the_list_filters_by_state_light_department_and_project(desk, world, spread):
    centre = Caller(world.center_admin)
    late, forwarded, done = spread["late"].pk, spread["forwarded"].pk, spread["done"].pk
    everything = centre.get("/").json()
    assert everything["count"] == 3
    assert [r["id"] for r in everything["items"]] == [late, forwarded, done]  # most urgent first
    assert [r["light"] for r in everything["items"]] == ["red", everything["items"][1]["light"], "none"]
    assert everything["items"][0]["light_label"] == "超期"
    assert _ids(centre.get("/", state="pending")) == [late, forwarded]
    assert _ids(centre.get("/", state="relayed")) == [done]
    assert _ids(centre.get("/", light="red")) == [late]
    assert _ids(centre.get("/", department=desk.other_item.department_id)) == [forwarded]
    assert _ids(centre.get("/", project=desk.project.pk, state="forwarded")) == [forwarded]
    assert _ids(centre.get("/", project=999999)) == []
    page = centre.get("/", limit=1, offset=1).json()
    assert page["count"] == 3 and [r["id"] for r in page["items"]] == [forwarded]


@pytest.mark.parametrize(
    ("params", "status", "text"),
    [
        ({"state": "lost"}, 400, "未知的咨询状态"),
        ({"light": "purple"}, 400, "未知的提示灯"),
        ({"light": "paused"}, 400, "未知的提示灯"),
        ({"department": "DRC"}, 422, "请输入整数"),
        ({"limit": 0}, 422, "不能小于"),
    ],
)
def test_bad_list_filters_are_clear_errors(desk, world, params, status, text):
    response = Caller(world.center_admin).get("/", **params)
    assert response.status_code == status and text in response.json()["detail"]


def test_a_list_page_costs_a_fixed_number_of_queries(desk, world, django_assert_max_num_queries):
    for n in range(6):
        desk.raise_(subject=f"咨询{n}")
    centre, officer, guide = Caller(world.center_admin), Caller(desk.officer), Caller(desk.guide)
    with django_assert_max_num_queries(8):
        assert centre.get("/").json()["count"] == 6
    with django_assert_max_num_queries(8):
        assert len(officer.get("/").json()["items"]) == 6
    with django_assert_max_num_queries(8):
        assert guide.get("/inbox").json()["count"] == 6


def test_records_by_role(desk, world, spread):
    centre = Caller(world.center_admin).get("/records/guides").json()
    by_name = {r["name"]: r for r in centre}
    assert by_name["指导员甲"]["first_replies"] == 1 and by_name["指导员甲"]["on_time_rate"] == 100.0
    assert by_name["指导员甲"]["open_now"] == 1 and by_name["指导员甲"]["overdue_now"] == 1
    assert by_name["指导员丙"]["open_now"] == 1 and by_name["指导员丙"]["department"] == "区自然资源局"
    only_nrb = Caller(world.center_admin).get("/records/guides", department=desk.other_item.department_id)
    assert [r["name"] for r in only_nrb.json()] == ["指导员丙"]
    own = Caller(world.department_admin).get("/records/guides", department=desk.other_item.department_id)
    assert [r["name"] for r in own.json()] == ["指导员甲"]  # a department admin reads their own department
    assert [r["name"] for r in Caller(desk.other_guide).get("/records/guides").json()] == ["指导员丙"]
    for user in (desk.officer, world.applicant):
        refused = Caller(user).get("/records/guides")
        assert refused.status_code == 403 and "答复记录" in refused.json()["detail"]

    departments = Caller(world.supervisor).get("/records/departments").json()
    assert [(r["name"], r["open_now"], r["overdue_now"]) for r in departments] == [
        ("区发展和改革局", 1, 1),
        ("区自然资源局", 1, 0),
    ]
    mine = Caller(desk.other_department_admin).get("/records/departments").json()
    assert [r["name"] for r in mine] == ["区自然资源局"]
    assert Caller(desk.guide).get("/records/departments").status_code == 403


def test_the_centres_overview_by_department_and_light(desk, world, spread):
    body = Caller(world.center_leader).get("/overview").json()
    lights = {row["department"]: row["lights"] for row in body["by_department"]}
    assert lights["区发展和改革局"]["red"] == 1 and sum(lights["区自然资源局"].values()) == 1
    assert body["totals"]["red"] == 1 and sum(body["totals"].values()) == 2
    for user in (desk.officer, desk.guide, world.department_admin):
        refused = Caller(user).get("/overview")
        assert refused.status_code == 403 and "总览" in refused.json()["detail"]


def test_the_centre_reads_and_changes_the_settings(desk, world):
    centre = Caller(world.center_admin)
    assert centre.get("/settings").json() == {
        "reply_days": 2,
        "yellow_threshold_days": 1,
        "overdue_repeat_days": 2,
    }
    saved = centre.put("/settings", {"reply_days": 3, "yellow_threshold_days": 1, "overdue_repeat_days": 2})
    assert saved.status_code == 200 and saved.json()["reply_days"] == 3
    assert consultation_settings().reply_days == 3
    assert Caller(world.supervisor).get("/settings").json()["reply_days"] == 3


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (
            {"reply_days": 2, "yellow_threshold_days": 2, "overdue_repeat_days": 2},
            400,
            "yellow_threshold_days",
        ),
        ({"reply_days": 0, "yellow_threshold_days": 0, "overdue_repeat_days": 2}, 400, "reply_days"),
        ({"reply_days": 40, "yellow_threshold_days": 1, "overdue_repeat_days": 2}, 400, "reply_days"),
        ({"reply_days": "三", "yellow_threshold_days": 1, "overdue_repeat_days": 2}, 422, "reply_days"),
        ({"reply_days": 3, "yellow_threshold_days": 1}, 422, "overdue_repeat_days"),
    ],
)
def test_bad_settings_are_refused_and_nothing_changes(desk, world, body, status, field):
    response = Caller(world.center_admin).put("/settings", body)
    assert response.status_code == status, response.json()
    answer = response.json()
    assert (answer.get("field") if status == 400 else answer["errors"][0]["field"]) == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in answer["detail"])
    row = consultation_settings()
    assert (row.reply_days, row.yellow_threshold_days, row.overdue_repeat_days) == (2, 1, 2)


def test_only_the_centre_changes_the_settings(desk, world):
    body = {"reply_days": 5, "yellow_threshold_days": 1, "overdue_repeat_days": 2}
    for user in (world.supervisor, desk.officer, desk.guide):
        assert Caller(user).put("/settings", body).status_code == 403
    for user in (desk.officer, world.applicant):
        assert Caller(user).get("/settings").status_code == 403
    assert consultation_settings().reply_days == 2


def test_the_consultation_endpoints_are_in_the_openapi_schema():
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/consultations/",
        "/api/v1/consultations/inbox",
        "/api/v1/consultations/{consultation_id}",
        "/api/v1/consultations/{consultation_id}/forward",
        "/api/v1/consultations/{consultation_id}/accept-forward",
        "/api/v1/consultations/{consultation_id}/reply",
        "/api/v1/consultations/{consultation_id}/relay",
        "/api/v1/consultations/{consultation_id}/confirm-read",
        "/api/v1/consultations/{consultation_id}/follow-up",
        "/api/v1/consultations/{consultation_id}/close",
        "/api/v1/consultations/{consultation_id}/withdraw",
        "/api/v1/consultations/{consultation_id}/urge",
        "/api/v1/consultations/records/guides",
        "/api/v1/consultations/records/departments",
        "/api/v1/consultations/overview",
        "/api/v1/consultations/settings",
        "/api/v1/consultations/{consultation_id}/replies/{reply_id}/document.pdf",
    ):
        assert path in paths, path
    assert set(paths["/api/v1/consultations/"]) == {"get", "post"}
    assert set(paths["/api/v1/consultations/settings"]) == {"get", "put"}
    reply = response.json()["components"]["schemas"]["ReplyIn"]["properties"]
    assert reply["materials"]["type"] == "array" and "supplementary_reason" in reply
