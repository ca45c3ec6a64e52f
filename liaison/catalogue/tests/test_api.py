"""/api/v1/catalogue: the same services and messages as the pages, JSON in and out."""

from __future__ import annotations

import datetime
import json

import pytest

from liaison.catalogue.models import ApprovalItem, GuideAssignment, GuideChangeStatus
from liaison.catalogue.services.guides import guide_change_propose
from liaison.catalogue.tests.builders import MATERIALS, START, assign, make_item
from liaison.directory.models import Department
from liaison.directory.services.tokens import api_token_create

pytestmark = pytest.mark.django_db
BASE = "/api/v1/catalogue"
LATER = START + datetime.timedelta(days=5)


@pytest.fixture
def item(center_admin, department, other_department, guide_user):
    land = make_item(center_admin, other_department, "NRB-001", "用地预审")
    item = make_item(
        center_admin,
        department,
        "DRC-002",
        "企业投资项目核准",
        materials=MATERIALS,
        prerequisite_ids=[land.pk],
    )
    assign(center_admin, item, guide_user)
    return item


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def _patch(client, url, data):
    return client.patch(url, json.dumps(data), content_type="application/json")


def test_unauthenticated_requests_get_401_in_chinese(client, item):
    response = client.get(f"{BASE}/items")
    assert response.status_code == 401
    assert response.json()["detail"] == "未登录或令牌无效。"


def test_token_authentication_reads_the_catalogue(client, applicant, item):
    _token, secret = api_token_create(user=applicant, name="对接")
    response = client.get(f"{BASE}/items/{item.pk}", headers={"authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    assert response.json()["current_guide"]["mobile"] == "139****2222"


def test_item_list_is_paginated_and_filtered(client, officer_user, item):
    client.force_login(officer_user)
    data = client.get(f"{BASE}/items", {"limit": 1}).json()
    assert data["count"] == 2 and len(data["items"]) == 1
    data = client.get(f"{BASE}/items", {"department": item.department_id}).json()
    assert [row["code"] for row in data["items"]] == ["DRC-002"]
    assert data["items"][0]["current_guide"]["name"] == "指导员甲"
    assert data["items"][0]["current_guide"]["mobile"] == "13900002222"
    assert client.get(f"{BASE}/items", {"q": "预审"}).json()["count"] == 1
    assert client.get(f"{BASE}/items", {"stage": "completion"}).json()["count"] == 0


@pytest.fixture
def add_items(center_admin, department, guide_user):
    """Add catalogued items with a guide each, numbered on from `start`."""

    def add(start: int, stop: int) -> None:
        for n in range(start, stop):
            assign(center_admin, make_item(center_admin, department, f"Q{n}", f"事项{n}"), guide_user)

    return add


def test_item_list_query_count_does_not_grow_with_rows(
    client, officer_user, add_items, django_assert_max_num_queries
):
    client.force_login(officer_user)
    add_items(0, 3)
    with django_assert_max_num_queries(12) as few:
        client.get(f"{BASE}/items")
    add_items(3, 25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        data = client.get(f"{BASE}/items", {"limit": 100}).json()
    assert data["count"] == 25
    assert all(row["current_guide"]["name"] == "指导员甲" for row in data["items"])


def test_item_detail_has_materials_prerequisites_and_history(client, supervisor, item):
    client.force_login(supervisor)
    data = client.get(f"{BASE}/items/{item.pk}").json()
    assert [m["name"] for m in data["materials"]] == ["申请表", "营业执照", "授权委托书"]
    assert data["materials"][1]["form_label"] == "复印件"
    assert [p["code"] for p in data["prerequisites"]] == ["NRB-001"]
    assert data["guide_history"][0]["start_date"] == "2025-03-03"
    assert data["current_guide"]["office_phone"] == "0871-63100001"


def test_missing_item_is_404(client, officer_user):
    client.force_login(officer_user)
    response = client.get(f"{BASE}/items/424242")
    assert response.status_code == 404
    assert response.json()["detail"] == "事项不存在。"


def test_department_admin_creates_an_item_in_own_department(client, dept_admin, department, other_department):
    client.force_login(dept_admin)
    payload = {
        "code": "DRC-020",
        "name": "节能审查",
        "department_id": department.pk,
        "stage": "approval_land",
        "time_limit_days": 10,
        "materials": [{"name": "节能报告", "copies": 2}],
    }
    response = _post(client, f"{BASE}/items", payload)
    assert response.status_code == 201, response.content
    assert response.json()["materials"][0]["copies"] == 2
    payload["code"] = "NRB-020"
    payload["department_id"] = other_department.pk
    response = _post(client, f"{BASE}/items", payload)
    assert response.status_code == 403
    assert response.json()["detail"] == "您只能为本部门新增事项。"
    assert not ApprovalItem.objects.filter(code="NRB-020").exists()


def test_item_validation_messages_are_chinese(client, center_admin, department):
    client.force_login(center_admin)
    base = {"code": "X1", "name": "某事项", "department_id": department.pk, "stage": "approval_land"}
    response = _post(client, f"{BASE}/items", {**base, "time_limit_days": 0})
    assert response.status_code == 400
    assert response.json() == {"detail": "承诺时限至少为1个工作日。", "field": "time_limit_days"}
    response = _post(client, f"{BASE}/items", {**base, "time_limit_days": "十"})
    assert response.status_code == 422
    assert "请输入整数" in response.json()["detail"]
    response = _post(client, f"{BASE}/items", {**base, "time_limit_days": 5, "department_id": 999})
    assert response.status_code == 400
    assert response.json()["detail"] == "实施部门不存在。"
    assert not ApprovalItem.objects.exists()


def test_patch_item_names_the_cycle(client, center_admin, item):
    land = item.prerequisites.get()
    client.force_login(center_admin)
    response = _patch(client, f"{BASE}/items/{land.pk}", {"prerequisite_ids": [item.pk]})
    assert response.status_code == 400
    assert (
        response.json()["detail"]
        == "前置事项形成循环：NRB-001 用地预审 → DRC-002 企业投资项目核准 → NRB-001 用地预审"
    )
    response = _patch(client, f"{BASE}/items/{item.pk}", {"time_limit_days": 7, "is_active": False})
    assert response.status_code == 200
    assert (response.json()["time_limit_days"], response.json()["is_active"]) == (7, False)


def test_patch_by_another_departments_admin_is_refused(client, other_dept_admin, item):
    client.force_login(other_dept_admin)
    response = _patch(client, f"{BASE}/items/{item.pk}", {"name": "篡改"})
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.name == "企业投资项目核准"


def test_departments_read_for_all_and_written_by_centre(client, applicant, center_admin, department):
    client.force_login(applicant)
    data = client.get(f"{BASE}/departments").json()
    assert data["items"][0]["code"] == "DRC"
    assert client.get(f"{BASE}/departments/{department.pk}").json()["item_count"] == 0
    assert _post(client, f"{BASE}/departments", {"code": "X", "name": "某局"}).status_code == 403
    client.force_login(center_admin)
    response = _post(client, f"{BASE}/departments", {"code": "HCD", "name": "区住房和城乡建设局"})
    assert response.status_code == 201
    response = _post(client, f"{BASE}/departments", {"code": "hcd", "name": "另一局"})
    assert response.status_code == 400
    assert response.json()["detail"] == "部门编码“hcd”已被使用。"
    response = _patch(client, f"{BASE}/departments/{department.pk}", {"short_name": "发改局"})
    assert response.json()["short_name"] == "发改局"
    assert client.get(f"{BASE}/departments/777").status_code == 404
    assert Department.objects.count() == 2


def test_guide_change_flow_over_the_api(client, dept_admin, center_admin, item, second_guide):
    client.force_login(dept_admin)
    response = _post(
        client,
        f"{BASE}/items/{item.pk}/guide-changes",
        {"new_guide_id": second_guide.pk, "effective_date": LATER.isoformat(), "reason": "轮岗"},
    )
    assert response.status_code == 201, response.content
    change = response.json()
    assert change["status"] == "proposed"
    assert change["previous_guide"]["name"] == "指导员甲"
    assert _post(client, f"{BASE}/guide-changes/{change['id']}/register", {}).status_code == 403
    client.force_login(center_admin)
    assert client.get(f"{BASE}/guide-changes", {"status": "proposed"}).json()["count"] == 1
    response = _post(client, f"{BASE}/guide-changes/{change['id']}/register", {"note": "同意"})
    assert response.status_code == 200
    assert response.json()["status"] == GuideChangeStatus.REGISTERED
    assert GuideAssignment.objects.get(item=item, is_active=True).guide == second_guide
    response = _post(client, f"{BASE}/guide-changes/{change['id']}/reject", {"note": "晚了"})
    assert response.status_code == 409
    assert "该变更已被处理" in response.json()["detail"]


def test_centre_applies_directly_over_the_api(client, center_admin, item, second_guide):
    client.force_login(center_admin)
    response = _post(
        client,
        f"{BASE}/items/{item.pk}/guide-changes",
        {"new_guide_id": second_guide.pk, "effective_date": LATER.isoformat(), "reason": "调整"},
    )
    assert response.status_code == 201
    assert response.json()["status"] == "registered"


def test_guide_change_input_errors(client, dept_admin, item, officer_user):
    client.force_login(dept_admin)
    url = f"{BASE}/items/{item.pk}/guide-changes"
    response = _post(
        client, url, {"new_guide_id": officer_user.pk, "effective_date": "2025-02-30", "reason": "x"}
    )
    assert response.status_code == 422
    assert "日期格式" in response.json()["detail"]
    response = _post(
        client, url, {"new_guide_id": officer_user.pk, "effective_date": LATER.isoformat(), "reason": "x"}
    )
    assert response.status_code == 400
    assert "不是专职指导员" in response.json()["detail"]
    response = _post(client, url, {"new_guide_id": 99999, "effective_date": LATER.isoformat(), "reason": "x"})
    assert response.json()["detail"] == "所选指导员不存在。"


@pytest.fixture
def change(dept_admin, item, second_guide):
    return guide_change_propose(
        actor=dept_admin, item=item, new_guide=second_guide, effective_date=LATER, reason="调"
    )


def test_guide_changes_are_hidden_from_other_departments(client, other_dept_admin, change):
    client.force_login(other_dept_admin)
    assert client.get(f"{BASE}/guide-changes").json()["count"] == 0
    assert client.get(f"{BASE}/guide-changes/{change.pk}").status_code == 404
    assert _post(client, f"{BASE}/guide-changes/{change.pk}/cancel", {}).status_code == 404


@pytest.mark.parametrize("persona", ["applicant", "officer_user", "guide_user"])
def test_guide_changes_are_forbidden_to_roles_without_access(client, request, persona, change):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"{BASE}/guide-changes").status_code == 403
    assert client.get(f"{BASE}/guide-changes/{change.pk}").status_code == 404


def test_proposer_cancels_over_the_api(client, dept_admin, change):
    client.force_login(dept_admin)
    response = _post(client, f"{BASE}/guide-changes/{change.pk}/cancel", {})
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"


def test_ids_too_large_for_the_database_are_refused_with_a_chinese_message(client, center_admin, item):
    big = 10**24
    client.force_login(center_admin)
    for response, field in [
        (client.get(f"{BASE}/items", {"department": big}), "department"),
        (client.get(f"{BASE}/items/{big}"), "item_id"),
        (client.get(f"{BASE}/guide-changes", {"department": big}), "department"),
        (_patch(client, f"{BASE}/items/{item.pk}", {"prerequisite_ids": [big]}), "prerequisite_ids.0"),
        (_patch(client, f"{BASE}/items/{item.pk}", {"department_id": big}), "department_id"),
        (
            _post(
                client,
                f"{BASE}/items/{item.pk}/guide-changes",
                {"new_guide_id": big, "effective_date": LATER.isoformat(), "reason": "x"},
            ),
            "new_guide_id",
        ),
    ]:
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field
        assert "不能大于 9223372036854775807" in response.json()["detail"]
    # In range but missing: the services answer as before.
    response = _patch(client, f"{BASE}/items/{item.pk}", {"department_id": 10**12})
    assert response.json()["detail"] == "实施部门不存在。"
