"""Item pages: list with filters, detail with masking, create / edit forms with inline errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.services.guides import guide_change_propose
from liaison.catalogue.services.items import item_deactivate
from liaison.catalogue.tests.builders import MATERIALS, START, assign, make_item
from liaison.directory.models import Department

pytestmark = pytest.mark.django_db


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


def _formset(rows, prefix="materials", initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{i}-{key}"] = value
    return data


def _item_post(department, **overrides):
    data = {
        "code": "DRC-010",
        "name": "固定资产投资项目节能审查",
        "department": str(department.pk),
        "stage": "approval_land",
        "time_limit_days": "10",
        "statutory_limit_days": "15",
        "fee_note": "不收费",
        **_formset(
            [
                {"name": "申请表", "form": "original", "copies": "1", "required": "on"},
                {
                    "name": "节能报告",
                    "form": "original",
                    "copies": "2",
                    "required": "on",
                    "issuing_body": "咨询机构",
                },
                {"name": "", "form": "original", "copies": "1", "required": "on"},  # blank extra row
            ]
        ),
    }
    data.update(overrides)
    return data


def test_list_shows_stage_department_limit_and_current_guide(client, applicant, item):
    client.force_login(applicant)
    response = client.get(reverse("catalogue:item_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "企业投资项目核准" in body
    assert "立项及备案用地规划许可阶段" in body
    assert "10 个工作日" in body
    assert "指导员甲" in body
    assert "新增事项" not in body


def test_list_filters_by_keyword_department_stage_and_status(client, officer_user, item, center_admin):
    client.force_login(officer_user)
    url = reverse("catalogue:item_list")
    assert "用地预审" not in client.get(url, {"q": "核准"}).content.decode()
    body = client.get(url, {"department": item.department_id}).content.decode()
    assert "企业投资项目核准" in body and "用地预审" not in body
    assert "企业投资项目核准" not in client.get(url, {"stage": "completion"}).content.decode()
    item_deactivate(actor=center_admin, item=item)
    assert "企业投资项目核准" not in client.get(url).content.decode()
    assert "企业投资项目核准" in client.get(url, {"active": "0"}).content.decode()


def test_list_ignores_nonsense_filters_instead_of_failing(client, officer_user, item):
    client.force_login(officer_user)
    response = client.get(reverse("catalogue:item_list"), {"department": "abc", "stage": "x", "page": "999"})
    assert response.status_code == 200
    assert "企业投资项目核准" in response.content.decode()


@pytest.fixture
def add_items(center_admin, department, guide_user):
    """Add catalogued items with a guide each, numbered on from `start`."""

    def add(start: int, stop: int) -> None:
        for n in range(start, stop):
            assign(center_admin, make_item(center_admin, department, f"Q{n}", f"事项{n}"), guide_user)

    return add


def test_list_query_count_does_not_grow_with_rows(
    client, officer_user, add_items, django_assert_max_num_queries
):
    client.force_login(officer_user)
    url = reverse("catalogue:item_list")
    add_items(0, 3)
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    add_items(3, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("指导员甲") == 20


def test_list_requires_login(client):
    response = client.get(reverse("catalogue:item_list"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_detail_shows_checklist_prerequisites_and_guide_history(client, officer_user, item):
    client.force_login(officer_user)
    body = client.get(reverse("catalogue:item_detail", args=[item.pk])).content.decode()
    for text in [
        "申报材料清单",
        "营业执照",
        "复印件",
        "市场监督管理部门",
        "加盖公章",
        "NRB-001",
        "用地预审",
        "2025-03-03",
    ]:
        assert text in body
    assert "13900002222" in body  # officers need the guide's phone in full


def test_detail_masks_guide_phones_for_applicants(client, applicant, item):
    client.force_login(applicant)
    body = client.get(reverse("catalogue:item_detail", args=[item.pk])).content.decode()
    assert "139****2222" in body
    assert "13900002222" not in body
    assert "0871-63100001" not in body
    assert 'data-testid="item-edit"' not in body


def test_detail_shows_actions_per_role(client, dept_admin, other_dept_admin, center_admin, item):
    client.force_login(dept_admin)
    body = client.get(reverse("catalogue:item_detail", args=[item.pk])).content.decode()
    assert 'data-testid="item-edit"' in body and 'data-testid="guide-propose"' in body
    assert 'data-testid="guide-assign"' not in body
    client.force_login(other_dept_admin)
    body = client.get(reverse("catalogue:item_detail", args=[item.pk])).content.decode()
    assert 'data-testid="item-edit"' not in body and 'data-testid="guide-propose"' not in body
    client.force_login(center_admin)
    body = client.get(reverse("catalogue:item_detail", args=[item.pk])).content.decode()
    assert 'data-testid="guide-assign"' in body


def test_detail_shows_the_pending_change_to_the_department_but_not_to_applicants(
    client, dept_admin, applicant, item, second_guide
):
    guide_change_propose(
        actor=dept_admin, item=item, new_guide=second_guide, effective_date=START, reason="调岗"
    )
    client.force_login(dept_admin)
    assert (
        'data-testid="open-change"'
        in client.get(reverse("catalogue:item_detail", args=[item.pk])).content.decode()
    )
    client.force_login(applicant)
    assert (
        'data-testid="open-change"'
        not in client.get(reverse("catalogue:item_detail", args=[item.pk])).content.decode()
    )


def test_missing_item_is_404(client, officer_user):
    client.force_login(officer_user)
    assert client.get(reverse("catalogue:item_detail", args=[987654])).status_code == 404
    assert client.get("/catalogue/items/99999999999999999999999/").status_code == 404


def test_center_admin_creates_an_item_through_the_form(client, center_admin, department):
    client.force_login(center_admin)
    assert client.get(reverse("catalogue:item_create")).status_code == 200
    response = client.post(reverse("catalogue:item_create"), _item_post(department))
    item = ApprovalItem.objects.get(code="DRC-010")
    assert response.status_code == 302
    assert response["Location"] == reverse("catalogue:item_detail", args=[item.pk])
    assert list(item.materials.values_list("name", "copies")) == [("申请表", 1), ("节能报告", 2)]


def test_bad_input_shows_chinese_errors_inline_and_saves_nothing(client, center_admin, department):
    client.force_login(center_admin)
    make_item(center_admin, department, "DRC-010", "已有")
    response = client.post(
        reverse("catalogue:item_create"),
        _item_post(department, time_limit_days="0", name=""),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="error-time_limit_days"' in body
    assert 'data-testid="error-name"' in body
    assert ApprovalItem.objects.count() == 1
    response = client.post(reverse("catalogue:item_create"), _item_post(department))
    assert "事项编码“DRC-010”已被使用。" in response.content.decode()
    response = client.post(
        reverse("catalogue:item_create"), _item_post(department, code="X-1", statutory_limit_days="5")
    )
    assert "法定时限（5个工作日）不能少于承诺时限（10个工作日）。" in response.content.decode()
    assert ApprovalItem.objects.count() == 1


def test_material_rows_with_bad_copies_are_shown_not_saved(client, center_admin, department):
    client.force_login(center_admin)
    data = _item_post(department)
    data["materials-1-copies"] = "0"
    response = client.post(reverse("catalogue:item_create"), data)
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    assert not ApprovalItem.objects.exists()


def test_department_admin_form_offers_only_own_department(client, dept_admin, department, other_department):
    client.force_login(dept_admin)
    body = client.get(reverse("catalogue:item_create")).content.decode()
    assert "区发展和改革局" in body and "区自然资源局" not in body
    response = client.post(reverse("catalogue:item_create"), _item_post(other_department))
    assert response.status_code == 200
    assert not ApprovalItem.objects.exists()


@pytest.mark.parametrize("persona", ["applicant", "guide_user", "officer_user", "supervisor"])
def test_roles_without_management_cannot_open_the_create_form(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("catalogue:item_create")).status_code == 403


def test_edit_form_updates_and_prerequisite_cycle_is_shown_on_the_field(client, center_admin, item):
    land = item.prerequisites.get()
    client.force_login(center_admin)
    url = reverse("catalogue:item_edit", args=[land.pk])
    assert client.get(url).status_code == 200
    data = {
        "code": land.code,
        "name": land.name,
        "department": str(land.department_id),
        "stage": land.stage,
        "time_limit_days": "10",
        "prerequisites": [str(item.pk)],
        **_formset([]),
    }
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="error-prerequisites"' in body
    assert "前置事项形成循环：NRB-001 用地预审 → DRC-002 企业投资项目核准 → NRB-001 用地预审" in body
    data["prerequisites"] = []
    data["time_limit_days"] = "8"
    assert client.post(url, data).status_code == 302
    land.refresh_from_db()
    assert land.time_limit_days == 8


def test_edit_by_another_departments_admin_is_forbidden(client, other_dept_admin, item):
    client.force_login(other_dept_admin)
    assert client.get(reverse("catalogue:item_edit", args=[item.pk])).status_code == 403
    assert client.post(reverse("catalogue:item_edit", args=[item.pk]), {}).status_code == 403


def test_edit_of_missing_item_is_404(client, center_admin):
    client.force_login(center_admin)
    assert client.get(reverse("catalogue:item_edit", args=[424242])).status_code == 404


def test_deactivate_button_posts_through_the_service(client, dept_admin, other_dept_admin, item):
    url = reverse("catalogue:item_set_active", args=[item.pk])
    client.force_login(other_dept_admin)
    client.post(url, {"action": "deactivate"})
    item.refresh_from_db()
    assert item.is_active
    client.force_login(dept_admin)
    assert client.post(url, {"action": "deactivate"}).status_code == 302
    item.refresh_from_db()
    assert not item.is_active
    assert Department.objects.get(pk=item.department_id).is_active


def test_ids_too_large_for_the_database_are_form_errors_not_crashes(client, center_admin, department):
    big = "9" * 25
    client.force_login(center_admin)
    assert client.get(reverse("catalogue:item_list"), {"department": big}).status_code == 200
    data = {**_item_post(department), "department": big, "prerequisites": [big]}
    response = client.post(reverse("catalogue:item_create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="error-department"' in body
    assert 'data-testid="error-prerequisites"' in body
    assert not ApprovalItem.objects.exists()
    assert client.get(reverse("catalogue:guide_change_list"), {"department": big}).status_code == 200
