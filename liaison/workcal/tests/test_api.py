"""/api/v1/calendar: reads for everyone signed in, writes for center_admin, the same services as the page."""

from __future__ import annotations

import json

import pytest

from liaison.audit.models import AuditEvent
from liaison.directory.services.tokens import api_token_create
from liaison.workcal.models import CalendarOverride, CalendarYear, DayKind
from liaison.workcal.services.overrides import calendar_override_set
from liaison.workcal.tests.helpers import NOTICE_2027, SCHEDULE_2027, d

pytestmark = pytest.mark.django_db
BASE = "/api/v1/calendar"


def _auth(user) -> dict[str, str]:
    _token, secret = api_token_create(user=user, name="测试", scope="write")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _post(client, path, body, user):
    return client.post(f"{BASE}{path}", json.dumps(body), content_type="application/json", **_auth(user))


def test_days_lists_each_date_with_its_status_and_source(client, officer_user):
    body = client.get(
        f"{BASE}/days", {"from": "2026-10-09", "to": "2026-10-12"}, **_auth(officer_user)
    ).json()
    assert [(x["date"], x["is_workday"], x["kind"], x["source"]) for x in body] == [
        ("2026-10-09", True, "workday", "package"),
        ("2026-10-10", True, "makeup", "package"),
        ("2026-10-11", False, "weekend", "package"),
        ("2026-10-12", True, "workday", "package"),
    ]
    missing = client.get(
        f"{BASE}/days", {"from": "2027-01-01", "to": "2027-01-01"}, **_auth(officer_user)
    ).json()
    assert missing == [
        {
            "date": "2027-01-01",
            "is_workday": None,
            "kind": "unknown",
            "name": "",
            "source": "missing",
            "source_label": "未录入",
        }
    ]


def test_days_refuses_a_reversed_or_too_long_range(client, officer_user):
    headers = _auth(officer_user)
    reversed_ = client.get(f"{BASE}/days", {"from": "2026-10-12", "to": "2026-10-01"}, **headers)
    assert reversed_.status_code == 400
    assert reversed_.json()["detail"] == "结束日期不能早于开始日期。"
    too_long = client.get(f"{BASE}/days", {"from": "2025-01-01", "to": "2026-12-31"}, **headers)
    assert too_long.status_code == 400
    assert "一次最多查询366天" in too_long.json()["detail"]
    bad = client.get(f"{BASE}/days", {"from": "2026-02-30", "to": "2026-03-01"}, **headers)
    assert bad.status_code == 422
    assert "日期格式" in bad.json()["detail"]


def test_add_working_days_and_working_days_between(client, applicant):
    headers = _auth(applicant)
    due = client.get(f"{BASE}/add-working-days", {"date": "2026-09-30", "n": 5}, **headers).json()
    assert due == {"date": "2026-09-30", "n": 5, "due_date": "2026-10-13"}
    between = client.get(
        f"{BASE}/working-days-between", {"start": "2026-09-30", "end": "2026-10-13"}, **headers
    )
    assert between.json() == {"start": "2026-09-30", "end": "2026-10-13", "working_days": 5}


def test_arithmetic_over_a_missing_year_is_400_naming_the_year(client, officer_user):
    response = client.get(f"{BASE}/add-working-days", {"date": "2026-12-28", "n": 10}, **_auth(officer_user))
    assert response.status_code == 400
    assert "2027年的节假日安排尚未录入工作日历" in response.json()["detail"]


def test_bad_calculator_input_is_422_in_chinese(client, officer_user):
    response = client.get(f"{BASE}/add-working-days", {"date": "2026-09-30", "n": -1}, **_auth(officer_user))
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "不能小于 0。"
    too_far = client.get(
        f"{BASE}/working-days-between", {"start": "2004-01-01", "end": "2026-01-01"}, **_auth(officer_user)
    )
    assert too_far.status_code == 400
    assert "不能超过10年" in too_far.json()["detail"]


def test_without_credentials_the_api_answers_401(client):
    assert client.get(f"{BASE}/days", {"from": "2026-10-01", "to": "2026-10-02"}).status_code == 401


def test_a_center_admin_sets_lists_and_deletes_overrides(client, center_admin):
    created = _post(
        client, "/overrides", {"date": "2027-01-01", "kind": "holiday", "name": "元旦"}, center_admin
    )
    assert created.status_code == 200
    assert created.json()["kind_label"] == "法定节假日（休息）"
    assert created.json()["updated_by"] == "中心管理员"
    event = AuditEvent.objects.get(action="calendar_override.set")
    assert event.source == "api"
    listing = client.get(f"{BASE}/overrides", {"year": 2027}, **_auth(center_admin)).json()
    assert listing["count"] == 1
    assert listing["items"][0]["date"] == "2027-01-01"
    deleted = client.delete(f"{BASE}/overrides/2027-01-01", **_auth(center_admin))
    assert deleted.status_code == 204
    assert not CalendarOverride.objects.exists()
    assert client.delete(f"{BASE}/overrides/2027-01-01", **_auth(center_admin)).status_code == 404


@pytest.mark.parametrize("persona", ["center_leader", "supervisor", "officer_user", "applicant"])
def test_other_roles_read_overrides_but_cannot_write(client, request, persona, center_admin):
    calendar_override_set(actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    user = request.getfixturevalue(persona)
    assert client.get(f"{BASE}/overrides", **_auth(user)).json()["count"] == 1
    refused = _post(client, "/overrides", {"date": "2027-02-20", "kind": "workday", "name": ""}, user)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "只有中心管理员可以维护工作日历。"
    assert client.delete(f"{BASE}/overrides/2027-01-01", **_auth(user)).status_code == 403
    assert (
        _post(
            client, "/years", {"year": 2027, "notice": NOTICE_2027, "text": SCHEDULE_2027}, user
        ).status_code
        == 403
    )
    assert CalendarOverride.objects.count() == 1
    assert not CalendarYear.objects.exists()


def test_an_override_with_an_unknown_kind_is_422(client, center_admin):
    response = _post(client, "/overrides", {"date": "2027-01-01", "kind": "weekend"}, center_admin)
    assert response.status_code == 422
    assert "取值无效" in response.json()["detail"]
    assert not CalendarOverride.objects.exists()


def test_entering_a_year_from_pasted_text(client, center_admin):
    response = _post(
        client, "/years", {"year": 2027, "notice": NOTICE_2027, "text": SCHEDULE_2027}, center_admin
    )
    assert response.status_code == 200
    body = response.json()
    assert body["year"] == 2027
    assert len(body["holidays"]) == 25
    assert body["workdays"] == ["2027-01-31", "2027-02-20", "2027-09-26", "2027-10-09"]
    due = client.get(f"{BASE}/add-working-days", {"date": "2026-12-30", "n": 3}, **_auth(center_admin)).json()
    assert due["due_date"] == "2027-01-05"
    years = client.get(f"{BASE}/years", **_auth(center_admin)).json()
    assert [y["year"] for y in years] == [2027]


def test_entering_a_year_from_lists(client, center_admin):
    body = {
        "year": 2027,
        "notice": NOTICE_2027,
        "holidays": [{"date": "2027-01-01", "name": "元旦"}],
        "workdays": [{"date": "2027-02-20", "name": "春节调休"}],
    }
    assert _post(client, "/years", body, center_admin).status_code == 200
    assert CalendarOverride.objects.get(date=d("2027-02-20")).kind == DayKind.WORKDAY


def test_a_bad_year_is_refused_with_every_error_and_nothing_saved(client, center_admin):
    body = {
        "year": 2027,
        "notice": NOTICE_2027,
        "text": "2027-01-01 元旦 休\n2027-01-01 元旦 班\n2027-02-30 x 休",
    }
    response = _post(client, "/years", body, center_admin)
    assert response.status_code == 400
    assert response.json()["errors"] == ["第3行：日期“2027-02-30”不存在。"]
    body["text"] = "2027-01-01 元旦 休\n2027-01-01 元旦 班"
    conflict = _post(client, "/years", body, center_admin)
    assert conflict.status_code == 400
    assert conflict.json()["errors"] == ["2027-01-01 不能同时是休息日和上班日。"]
    assert not CalendarOverride.objects.exists()
    assert not CalendarYear.objects.exists()


def test_marking_a_year_without_days_needs_its_holidays_first(client, center_admin):
    response = _post(client, "/years", {"year": 2027, "notice": NOTICE_2027}, center_admin)
    assert response.status_code == 400
    assert "2027年还没有录入任何法定节假日" in response.json()["detail"]
