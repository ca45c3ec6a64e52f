"""Importing onto an existing catalogue: guides changed with history, materials replaced per item,
prerequisite cycles through stored links, and only changed rows written."""

from __future__ import annotations

import copy

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.testing import run_import, sample_sheets, seed_item
from liaison.catalogue.models import (
    GuideAssignment,
    GuideChange,
    GuideChangeStatus,
    ImportJobStatus,
    MaterialRequirement,
)
from liaison.catalogue.services.guides import guide_change_propose


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_a_cycle_through_an_existing_link_is_refused(center_admin, department):
    seed_item(actor=center_admin, department=department, code="A-1")
    seed_item(actor=center_admin, department=department, code="A-2", prerequisites=["A-1"])
    sheets = {
        "事项": [
            {
                "事项编码": "A-1",
                "事项名称": "甲",
                "部门编码": "DRC",
                "阶段": "竣工验收阶段",
                "承诺时限（工作日）": 3,
                "前置事项编码": "A-2",
            }
        ]
    }

    job = run_import(center_admin, sheets)

    assert [e["message"] for e in job.errors] == ["前置事项形成循环：A-1 → A-2 → A-1"]


@pytest.mark.django_db
def test_one_item_cannot_get_two_guides_in_one_workbook(center_admin):
    sheets = sample_sheets()
    sheets["指导员"].append(
        {**sheets["指导员"][0], "用户名": "another", "姓名": "赵六", "手机": "13700002222"}
    )

    job = run_import(center_admin, sheets)

    assert [e["text"] for e in job.errors] == [
        "工作表「指导员」第 3 行：事项“DRC-001”已在第 2 行指定指导员（一个事项只有一名指导员）"
    ]


@pytest.mark.django_db
def test_a_staff_member_of_another_department_cannot_guide_the_item(center_admin, other_dept_admin):
    sheets = sample_sheets()
    sheets["指导员"][0].update({"用户名": other_dept_admin.username, "姓名": "他部门管理员"})

    job = run_import(center_admin, sheets)

    assert [e["text"] for e in job.errors] == [
        "工作表「指导员」第 2 行：用户“t_other_dept_admin”属于区自然资源局，不能担任其他部门事项的指导员"
    ]


@pytest.mark.django_db
def test_changing_the_guide_through_import_keeps_the_history(
    center_admin, department, guide_user, second_guide
):
    item = seed_item(actor=center_admin, department=department, code="DRC-001", guide=guide_user)
    old = GuideAssignment.objects.get(item=item, is_active=True)
    today = timezone.localdate()
    sheets = {
        "指导员": [
            {
                "事项编码": "DRC-001",
                "用户名": second_guide.username,
                "姓名": second_guide.full_name,
                "职务": second_guide.post,
                "办公电话": second_guide.office_phone,
                "手机": second_guide.mobile,
                "任职日期": today.isoformat(),
            }
        ]
    }

    job = run_import(center_admin, sheets)

    assert job.status == ImportJobStatus.SUCCEEDED, job.errors
    assert job.result == {"guides_changed": 1}
    old.refresh_from_db()
    assert (old.is_active, old.end_date) == (False, today)
    history = list(
        GuideAssignment.objects.filter(item=item).order_by("pk").values_list("guide__username", "is_active")
    )
    assert history == [("t_guide", False), ("t_guide2", True)]
    actions = list(AuditEvent.objects.order_by("-seq").values_list("action", flat=True)[:4])
    assert actions == [
        "catalogue.import",
        "guide_change.import",
        "guide_assignment.create",
        "guide_assignment.end",
    ]
    change = GuideChange.objects.get(item=item, new_guide=second_guide)
    assert (change.status, change.previous_guide, change.effective_date) == (
        GuideChangeStatus.REGISTERED,
        guide_user,
        today,
    )
    assert change.reason == "通过事项目录导入登记（catalogue.xlsx）"


@pytest.mark.django_db
def test_a_new_guide_cannot_start_before_the_current_one(center_admin, department, guide_user, second_guide):
    seed_item(actor=center_admin, department=department, code="DRC-001", guide=guide_user)
    current = GuideAssignment.objects.get(item__code="DRC-001")
    sheets = {"指导员": [{"事项编码": "DRC-001", "用户名": second_guide.username, "任职日期": "2000-01-01"}]}

    job = run_import(center_admin, sheets)

    assert [e["text"] for e in job.errors] == [
        f"工作表「指导员」第 2 行：任职日期不能早于现任指导员“指导员甲”的任职日期（{current.start_date.isoformat()}）"
    ]


@pytest.mark.django_db
def test_materials_are_replaced_per_item(center_admin, department):
    seed_item(
        actor=center_admin,
        department=department,
        code="DRC-001",
        materials=["旧材料一", "旧材料二", "旧材料三"],
    )
    sheets = sample_sheets()
    del sheets["事项"][1]
    sheets["材料"] = [sheets["材料"][0]]

    job = run_import(center_admin, sheets)

    assert job.status == ImportJobStatus.SUCCEEDED, job.errors
    assert list(MaterialRequirement.objects.filter(item__code="DRC-001").values_list("name", flat=True)) == [
        "项目申请报告"
    ]
    event = AuditEvent.objects.filter(action="item.materials_replace").latest("seq")
    assert [m["name"] for m in event.changes["diff"]["materials"][0]] == ["旧材料一", "旧材料二", "旧材料三"]


@pytest.mark.django_db
def test_only_changed_rows_are_written_and_audited(center_admin):
    run_import(center_admin, sample_sheets())
    sheets = copy.deepcopy(sample_sheets())
    sheets["事项"][0]["事项名称"] = "企业投资项目核准（含变更）"
    before = AuditEvent.objects.count()

    job = run_import(center_admin, sheets)

    assert job.result == {"item_updated": 1}
    new = list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))
    assert [e.action for e in new] == ["item.update", "catalogue.import"]
    assert new[0].changes["diff"] == {"name": ["企业投资项目核准", "企业投资项目核准（含变更）"]}


def _guide_row(user, *, item_code: str = "DRC-001") -> dict:
    return {"事项编码": item_code, "用户名": user.username, "任职日期": timezone.localdate().isoformat()}


@pytest.mark.django_db
def test_a_guide_change_awaiting_registration_blocks_an_import_that_changes_the_guide(
    center_admin, dept_admin, department, guide_user, second_guide
):
    item = seed_item(actor=center_admin, department=department, code="DRC-001", guide=guide_user)
    guide_change_propose(
        actor=dept_admin,
        item=item,
        new_guide=second_guide,
        effective_date=timezone.localdate(),
        reason="岗位调整",
    )
    unchanged = {"指导员": [_guide_row(guide_user)]}

    blocked = run_import(center_admin, {"指导员": [_guide_row(second_guide)]})
    allowed = run_import(center_admin, unchanged)

    assert [e["text"] for e in blocked.errors] == [
        "工作表「指导员」第 2 行：事项“DRC-001”有待登记的指导员变更申请，请先登记或退回后再导入"
    ]
    assert (allowed.status, allowed.result) == (ImportJobStatus.SUCCEEDED, {})
    assert GuideAssignment.objects.get(item=item, is_active=True).guide == guide_user


@pytest.mark.django_db
def test_an_inactive_item_gets_no_new_guide(center_admin, department, second_guide):
    seed_item(actor=center_admin, department=department, code="DRC-009", is_active=False)

    job = run_import(center_admin, {"指导员": [_guide_row(second_guide, item_code="DRC-009")]})

    assert [e["text"] for e in job.errors] == ["工作表「指导员」第 2 行：事项“DRC-009”已停用，不能变更指导员"]
    assert not GuideAssignment.objects.exists()
