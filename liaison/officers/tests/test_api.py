"""/api/v1/officers: the same rules as the pages, as JSON with Chinese messages."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.officers.models import Officer, OfficerStatus
from liaison.officers.tests.conftest import register, table_counts

pytestmark = pytest.mark.django_db

BASE = "/api/v1/officers"


@pytest.fixture
def api(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_the_centre_lists_the_registry_with_full_phones(api, center_admin, officer, other_officer):
    response = api(center_admin).get(BASE)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [item["number"] for item in body["items"]] == [officer.number, other_officer.number]
    assert body["items"][1]["mobile"] == "13700002222"
    assert body["items"][1]["full_name"] == "联络官乙"
    assert body["items"][1]["status_label"] == "在岗"


def test_an_officer_lists_the_registry_with_other_phones_masked(api, officer, other_officer):
    items = api(officer.user).get(BASE).json()["items"]

    phones = {item["number"]: item["mobile"] for item in items}
    assert phones == {officer.number: "13800001111", other_officer.number: "137****2222"}


@pytest.mark.parametrize("persona", ["guide_user", "applicant", "dept_admin", "project_office"])
def test_other_roles_are_refused_the_list(request, api, persona, other_officer):
    response = api(request.getfixturevalue(persona)).get(BASE)

    assert response.status_code == 403
    assert "无权" in response.json()["detail"]


def test_the_api_needs_authentication(client):
    response = client.get(BASE)

    assert response.status_code == 401


def test_the_list_filters_and_paginates(api, center_admin, officer, other_officer):
    client = api(center_admin)

    assert client.get(BASE, {"unit": "区住建局"}).json()["count"] == 1
    assert client.get(BASE, {"q": "联络官甲"}).json()["items"][0]["id"] == officer.pk
    assert client.get(BASE, {"status": "suspended"}).json()["count"] == 0
    page = client.get(BASE, {"limit": 1, "offset": 1}).json()
    assert page["count"] == 2
    assert [item["id"] for item in page["items"]] == [other_officer.pk]


def test_an_unknown_status_filter_is_a_422_in_chinese(api, center_admin):
    response = api(center_admin).get(BASE, {"status": "retired"})

    assert response.status_code == 422
    assert "取值无效" in response.json()["detail"]


@pytest.mark.parametrize("persona", ["center_admin", "center_leader", "supervisor"])
def test_readers_get_any_officer_in_full(request, api, persona, other_officer):
    body = api(request.getfixturevalue(persona)).get(f"{BASE}/{other_officer.pk}").json()

    assert body["mobile"] == "13700002222"
    assert body["username"] == "t_officer_b"
    assert body["number"] == other_officer.number


def test_an_officer_gets_their_own_record_and_404_for_anothers(api, officer, other_officer):
    client = api(officer.user)

    own = client.get(f"{BASE}/{officer.pk}")
    assert own.status_code == 200
    assert own.json()["mobile"] == "13800001111"
    assert own.json()["allowed_actions"]["edit"] is False
    assert client.get(f"{BASE}/{other_officer.pk}").status_code == 404
    assert client.get(f"{BASE}/{other_officer.pk}/records").status_code == 404


@pytest.mark.parametrize("persona", ["guide_user", "applicant", "dept_admin"])
def test_other_roles_get_404_for_every_officer_endpoint(request, api, persona, other_officer):
    client = api(request.getfixturevalue(persona))
    url = f"{BASE}/{other_officer.pk}"
    before = table_counts()

    assert client.get(url).status_code == 404
    assert client.patch(url, {"unit": "x"}, content_type="application/json").status_code == 404
    assert client.post(f"{url}/suspend", {"reason": "x"}, content_type="application/json").status_code == 404
    assert (
        client.post(f"{url}/reinstate", {"reason": "x"}, content_type="application/json").status_code == 404
    )
    assert client.get(f"{url}/records").status_code == 404
    record = {"kind": "note", "date": "2024-01-05", "text": "x"}
    assert client.post(f"{url}/records", record, content_type="application/json").status_code == 404
    assert table_counts() == before


def test_a_missing_officer_is_404(api, center_admin):
    response = api(center_admin).get(f"{BASE}/999999")

    assert response.status_code == 404
    assert response.json()["detail"] == "联络官不存在或您无权查看。"


def test_center_admin_registers_through_the_api(api, center_admin):
    response = api(center_admin).post(
        BASE,
        {"username": "api_officer", "full_name": "接口联络官", "mobile": "13633334444", "unit": "区商务局"},
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["number"].startswith("LLG-")
    assert body["status"] == OfficerStatus.ACTIVE
    assert Officer.objects.get(pk=body["id"]).user.username == "api_officer"


def test_registering_with_a_bad_mobile_is_a_400_with_the_same_chinese_message(api, center_admin):
    before = table_counts()

    response = api(center_admin).post(
        BASE,
        {"username": "api_officer", "full_name": "接口联络官", "mobile": "1363333", "unit": "区商务局"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "手机号码应为以1开头的11位数字，例如 13800001111。",
        "field": "mobile",
    }
    assert table_counts() == before


def test_registering_a_duplicate_number_is_refused(api, center_admin, other_officer):
    response = api(center_admin).post(
        BASE,
        {
            "username": "dup",
            "full_name": "重号",
            "mobile": "13633334444",
            "unit": "区商务局",
            "number": other_officer.number,
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["field"] == "number"


def test_missing_fields_are_a_422_in_chinese(api, center_admin):
    response = api(center_admin).post(BASE, {"username": "x"}, content_type="application/json")

    assert response.status_code == 422
    assert "此项为必填项" in response.json()["detail"]


@pytest.mark.parametrize("persona", ["center_leader", "supervisor", "officer_user"])
def test_non_admins_cannot_register_through_the_api(request, api, persona):
    response = api(request.getfixturevalue(persona)).post(
        BASE,
        {"username": "x2", "full_name": "某某", "mobile": "13633334444", "unit": "区商务局"},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert not Officer.objects.exists()


def test_patch_changes_only_the_given_fields(api, center_admin, other_officer):
    response = api(center_admin).patch(
        f"{BASE}/{other_officer.pk}", {"unit": "区城管局"}, content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json()["unit"] == "区城管局"
    fresh = Officer.objects.select_related("user").get(pk=other_officer.pk)
    assert (fresh.unit, fresh.user.mobile) == ("区城管局", "13700002222")


def test_patch_by_the_leader_is_forbidden(api, center_leader, other_officer):
    response = api(center_leader).patch(
        f"{BASE}/{other_officer.pk}", {"unit": "越权"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert Officer.objects.get(pk=other_officer.pk).unit == "区住建局"


def test_suspend_and_reinstate_through_the_api(api, center_admin, other_officer):
    client = api(center_admin)
    url = f"{BASE}/{other_officer.pk}"

    missing = client.post(f"{url}/suspend", {"reason": " "}, content_type="application/json")
    assert missing.status_code == 400
    assert missing.json() == {"detail": "请填写原因。", "field": "reason"}

    suspended = client.post(f"{url}/suspend", {"reason": "外派"}, content_type="application/json")
    assert suspended.status_code == 200
    assert suspended.json()["status"] == "suspended"
    assert suspended.json()["allowed_actions"]["reinstate"] is True

    again = client.post(f"{url}/suspend", {"reason": "外派"}, content_type="application/json")
    assert again.status_code == 400
    assert "不能暂停派任" in again.json()["detail"]

    back = client.post(f"{url}/reinstate", {"reason": "回岗"}, content_type="application/json")
    assert back.json()["status"] == "active"
    assert AuditEvent.objects.filter(action__in=["officer.suspend", "officer.reinstate"]).count() == 2


def test_records_are_listed_and_added_through_the_api(api, center_admin, other_officer):
    client = api(center_admin)
    url = f"{BASE}/{other_officer.pk}/records"

    added = client.post(
        url, {"kind": "training", "date": "2024-01-05", "text": "业务培训"}, content_type="application/json"
    )
    bad = client.post(
        url, {"kind": "status", "date": "2024-01-05", "text": "伪造"}, content_type="application/json"
    )
    listed = client.get(url).json()

    assert added.status_code == 201
    assert added.json()["kind_label"] == "培训"
    assert added.json()["recorded_by"] == "中心管理员"
    assert bad.status_code == 400
    assert bad.json()["field"] == "kind"
    assert listed["count"] == 2
    assert {item["kind"] for item in listed["items"]} == {"registered", "training"}


def test_an_officer_reads_their_own_records_but_cannot_add(api, officer):
    client = api(officer.user)
    url = f"{BASE}/{officer.pk}/records"

    assert client.get(url).json()["count"] == 1
    response = client.post(
        url, {"kind": "note", "date": "2024-01-05", "text": "自记"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_the_api_paginates_many_officers(api, center_admin):
    for i in range(5):
        register(center_admin, f"many{i}")

    body = api(center_admin).get(BASE, {"limit": 2}).json()

    assert body["count"] == 5
    assert len(body["items"]) == 2
