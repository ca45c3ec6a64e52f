"""Items: who may create and edit them, the validation rules, and prerequisite cycles."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.catalogue.models import ApprovalItem, MaterialRequirement
from liaison.catalogue.services.items import item_activate, item_deactivate, item_update
from liaison.catalogue.tests.builders import MATERIALS, make_item
from liaison.core.errors import DomainError, PermissionDenied

pytestmark = pytest.mark.django_db


def test_center_admin_creates_an_item_with_materials_and_prerequisites(
    center_admin, department, other_department
):
    land = make_item(center_admin, other_department, "NRB-001", "建设项目用地预审与选址意见书核发")
    item = make_item(
        center_admin,
        department,
        "DRC-002",
        "企业投资项目核准",
        time_limit_days=15,
        statutory_limit_days=20,
        materials=MATERIALS,
        prerequisite_ids=[land.pk],
    )
    assert [m.seq for m in item.materials.all()] == [1, 2, 3]
    assert item.materials.get(seq=2).copies == 2
    assert list(item.prerequisites.all()) == [land]
    assert list(land.dependents.all()) == [item]
    assert item.fee_note == "不收费"
    event = AuditEvent.objects.get(action="item.create", object_id=str(item.pk))
    assert event.changes["diff"]["prerequisite_ids"] == [None, [land.pk]]


def test_department_admin_creates_items_only_in_own_department(dept_admin, department, other_department):
    item = make_item(dept_admin, department, "DRC-009", "本部门事项")
    assert item.department == department
    with pytest.raises(PermissionDenied):
        make_item(dept_admin, other_department, "NRB-009", "他部门事项")
    assert not ApprovalItem.objects.filter(code="NRB-009").exists()


@pytest.mark.parametrize(
    "persona", ["guide_user", "officer_user", "applicant", "supervisor", "center_leader", "project_office"]
)
def test_roles_without_management_cannot_create_items(request, persona, department):
    with pytest.raises(PermissionDenied):
        make_item(request.getfixturevalue(persona), department, "Z-1", "不应创建")
    assert not ApprovalItem.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"code": "A001"}, "code", "事项编码“A001”已被使用。"),
        ({"code": "a001"}, "code", "事项编码“a001”已被使用。"),
        ({"time_limit_days": 0}, "time_limit_days", "承诺时限至少为1个工作日。"),
        ({"stage": "demolition"}, "stage", "请选择有效的审批阶段。"),
        (
            {"statutory_limit_days": 5},
            "statutory_limit_days",
            "法定时限（5个工作日）不能少于承诺时限（10个工作日）。",
        ),
        ({"name": ""}, "name", "请填写事项名称。"),
    ],
)
def test_invalid_item_fields_are_refused_with_chinese_messages(
    center_admin, department, overrides, field, message
):
    make_item(center_admin, department, "A001", "已有事项")
    data = {"code": "B001", "name": "新事项", **overrides}
    with pytest.raises(DomainError) as info:
        make_item(center_admin, department, **data)
    assert info.value.field == field
    assert info.value.message == message
    assert ApprovalItem.objects.count() == 1


@pytest.mark.parametrize(
    ("material", "message"),
    [
        ({"name": "申请表", "copies": 0}, "第1项材料：份数至少为1。"),
        ({"name": ""}, "第1项材料：请填写材料名称。"),
        ({"name": "申请表", "form": "fax"}, "第1项材料：原件/复印件的取值无效。"),
    ],
)
def test_invalid_materials_are_refused_and_nothing_is_saved(center_admin, department, material, message):
    with pytest.raises(DomainError) as info:
        make_item(center_admin, department, materials=[material])
    assert info.value.message == message
    assert not ApprovalItem.objects.exists()
    assert not MaterialRequirement.objects.exists()


def test_statutory_limit_equal_to_promised_limit_is_accepted(center_admin, department):
    item = make_item(center_admin, department, time_limit_days=20, statutory_limit_days=20)
    assert item.statutory_limit_days == 20


def test_update_replaces_materials_and_keeps_others_when_not_given(center_admin, department):
    item = make_item(center_admin, department, materials=MATERIALS)
    item = item_update(actor=center_admin, item=item, name="新名称")
    assert item.materials.count() == 3
    item = item_update(actor=center_admin, item=item, materials=[{"name": "只要一份材料"}])
    assert list(item.materials.values_list("seq", "name", "form", "copies")) == [
        (1, "只要一份材料", "original", 1)
    ]
    event = AuditEvent.objects.filter(action="item.update").order_by("seq").last()
    assert event is not None and "materials" in event.changes["diff"]


def test_department_admin_edits_own_item_but_not_other_departments(
    center_admin, dept_admin, department, other_department
):
    own = make_item(center_admin, department, "DRC-1", "本部门")
    other = make_item(center_admin, other_department, "NRB-1", "他部门")
    assert item_update(actor=dept_admin, item=own, time_limit_days=5).time_limit_days == 5
    with pytest.raises(PermissionDenied):
        item_update(actor=dept_admin, item=other, time_limit_days=5)
    with pytest.raises(PermissionDenied):
        item_update(actor=dept_admin, item=own, department=other_department)
    other.refresh_from_db()
    assert other.time_limit_days == 10


def test_a_prerequisite_cycle_is_refused_and_the_cycle_is_named(center_admin, department):
    a = make_item(center_admin, department, "A001", "建设项目用地预审")
    b = make_item(center_admin, department, "B002", "建设用地规划许可", prerequisite_ids=[a.pk])
    c = make_item(center_admin, department, "C003", "建设工程规划许可", prerequisite_ids=[b.pk])
    with pytest.raises(DomainError) as info:
        item_update(actor=center_admin, item=a, prerequisite_ids=[c.pk])
    assert info.value.message == (
        "前置事项形成循环：A001 建设项目用地预审 → C003 建设工程规划许可 → B002 建设用地规划许可 → A001 建设项目用地预审"
    )
    assert info.value.field == "prerequisite_ids"
    assert not a.prerequisites.exists()


def test_an_item_cannot_be_its_own_prerequisite(center_admin, department):
    a = make_item(center_admin, department)
    with pytest.raises(DomainError) as info:
        item_update(actor=center_admin, item=a, prerequisite_ids=[a.pk])
    assert info.value.message == "不能把事项本身设为自己的前置事项。"


def test_unknown_or_inactive_prerequisites_are_refused(center_admin, department):
    old = make_item(center_admin, department, "OLD", "旧事项")
    item_deactivate(actor=center_admin, item=old)
    with pytest.raises(DomainError) as info:
        make_item(center_admin, department, "NEW", "新事项", prerequisite_ids=[old.pk])
    assert "已停用" in str(info.value.message)
    with pytest.raises(DomainError) as info:
        make_item(center_admin, department, "NEW", "新事项", prerequisite_ids=[999999])
    assert "前置事项不存在" in str(info.value.message)


def test_deactivate_and_activate_are_audited_and_policed(
    center_admin, dept_admin, other_dept_admin, department
):
    item = make_item(center_admin, department)
    with pytest.raises(PermissionDenied):
        item_deactivate(actor=other_dept_admin, item=item)
    item = item_deactivate(actor=dept_admin, item=item)
    assert not item.is_active
    item = item_activate(actor=center_admin, item=item)
    assert item.is_active
    assert AuditEvent.objects.filter(action__in=["item.deactivate", "item.activate"]).count() == 2
