"""Importing the catalogue workbook: a new catalogue created, every bad row reported, all or nothing."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.jobs import import_job_create
from liaison.catalogue.exchange.testing import (
    catalogue_state,
    run_import,
    sample_sheets,
    upload,
    workbook_from_rows,
)
from liaison.catalogue.models import (
    ApprovalItem,
    GuideAssignment,
    ImportJobStatus,
    ItemPrerequisite,
    MaterialRequirement,
)
from liaison.directory.models import Department, User
from liaison.directory.roles import Role


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_a_valid_workbook_creates_departments_items_materials_prerequisites_and_guides(center_admin):
    job = run_import(center_admin, sample_sheets())

    assert job.status == ImportJobStatus.SUCCEEDED, job.errors
    assert job.result == {
        "department_created": 2,
        "item_created": 2,
        "prerequisites_changed": 1,
        "materials_replaced": 2,
        "users_created": 1,
        "guides_assigned": 1,
    }
    item = ApprovalItem.objects.get(code="HSB-001")
    assert item.stage == "construction_permit"
    assert item.department.name == "区住房和城乡建设局"
    assert list(item.prerequisites.values_list("code", flat=True)) == ["DRC-001"]
    materials = list(
        MaterialRequirement.objects.filter(item__code="DRC-001").values_list(
            "seq", "form", "copies", "required"
        )
    )
    assert materials == [(1, "original", 2, True), (2, "copy", 1, False)]
    guide = User.objects.get(username="new_guide")
    assert guide.department is not None
    assert (guide.full_name, guide.department.code, guide.mobile) == ("王五", "DRC", "13700001111")
    assert guide.has_role(Role.GUIDE)
    assert not guide.has_usable_password()
    assignment = GuideAssignment.objects.get(item__code="DRC-001", is_active=True)
    assert (assignment.guide, assignment.start_date.isoformat()) == (guide, "2025-01-02")
    actions = sorted(AuditEvent.objects.values_list("action", flat=True))
    assert actions == sorted(
        ["department.create"] * 2
        + ["item.create"] * 2
        + ["item.prerequisites_set", "item.materials_replace", "item.materials_replace"]
        + ["user.create", "guide_assignment.create", "guide_change.import", "catalogue.import"]
    )


BAD_ROWS = [
    ("事项", 0, "阶段", "xx", "工作表「事项」第 2 行：阶段“xx”无效，可选：立项及备案用地规划许可阶段、"),
    ("事项", 1, "部门编码", "NOPE", "工作表「事项」第 3 行：部门编码“NOPE”不存在"),
    ("事项", 1, "事项编码", "DRC-001", "工作表「事项」第 3 行：事项编码“DRC-001”与第 2 行重复"),
    (
        "事项",
        0,
        "承诺时限（工作日）",
        "十天",
        "工作表「事项」第 2 行：「承诺时限（工作日）」“十天”应为正整数",
    ),
    ("事项", 0, "事项名称", "", "工作表「事项」第 2 行：「事项名称」不能为空"),
    ("事项", 1, "前置事项编码", "X-404", "工作表「事项」第 3 行：前置事项“X-404”不存在"),
    ("事项", 1, "前置事项编码", "HSB-001", "工作表「事项」第 3 行：前置事项不能是事项本身（HSB-001）"),
    (
        "事项",
        0,
        "承诺时限（工作日）",
        30,
        "工作表「事项」第 2 行：承诺时限（30 个工作日）不能超过法定时限（20 个工作日）",
    ),
    ("事项", 0, "事项名称", "长" * 201, "工作表「事项」第 2 行：「事项名称」过长（201 字），最多 200 字"),
    ("部门", 0, "启用", "也许", "工作表「部门」第 2 行：「启用」“也许”无效，应填“是”或“否”"),
    ("部门", 1, "部门名称", "区发展和改革局", "工作表「部门」第 3 行：部门名称“区发展和改革局”与第 2 行重复"),
    ("部门", 0, "排序", "-1", "工作表「部门」第 2 行：「排序」“-1”应为非负整数"),
    ("材料", 0, "事项编码", "X-404", "工作表「材料」第 2 行：事项编码“X-404”不存在"),
    ("材料", 1, "序号", 1, "工作表「材料」第 3 行：序号 1 与第 2 行重复（同一事项）"),
    (
        "材料",
        0,
        "原件/复印件",
        "传真件",
        "工作表「材料」第 2 行：原件/复印件“传真件”无效，可选：原件、复印件、原件及复印件、电子件",
    ),
    ("材料", 0, "份数", 0, "工作表「材料」第 2 行：「份数」“0”应为正整数"),
    ("指导员", 0, "手机", "12345", "工作表「指导员」第 2 行：手机“12345”应为 11 位手机号码"),
    (
        "指导员",
        0,
        "任职日期",
        "明年",
        "工作表「指导员」第 2 行：「任职日期」“明年”不是有效日期（格式 YYYY-MM-DD）",
    ),
    ("指导员", 0, "任职日期", "2999-01-01", "工作表「指导员」第 2 行：「任职日期」不能晚于今天"),
    ("指导员", 0, "事项编码", "X-404", "工作表「指导员」第 2 行：事项编码“X-404”不存在"),
    (
        "指导员",
        0,
        "用户名",
        "bad name!",
        "工作表「指导员」第 2 行：用户名“bad name!”只能包含字母、数字和 @ . + - _",
    ),
    ("指导员", 0, "姓名", "", "工作表「指导员」第 2 行：新建用户“new_guide”时「姓名」不能为空"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_ROWS, ids=[f"{c[0]}-{c[2]}-{n}" for n, c in enumerate(BAD_ROWS)])
def test_each_bad_row_is_reported_with_sheet_row_and_reason_and_nothing_is_saved(center_admin, case):
    sheet, index, header, value, expected = case
    sheets = sample_sheets()
    sheets[sheet][index][header] = value
    before = catalogue_state()

    job = run_import(center_admin, sheets)

    assert job.status == ImportJobStatus.REJECTED
    texts = [e["text"] for e in job.errors]
    assert any(t.startswith(expected) for t in texts), texts
    error = next(e for e in job.errors if e["text"].startswith(expected))
    assert (error["sheet"], error["row"]) == (sheet, index + 2)
    assert catalogue_state() == before


@pytest.mark.django_db
def test_all_bad_rows_of_all_sheets_are_reported_together(center_admin):
    sheets = sample_sheets()
    sheets["事项"][1]["阶段"] = "第五阶段"
    sheets["材料"][2]["份数"] = "两份"
    sheets["指导员"][0]["手机"] = "1370000"

    job = run_import(center_admin, sheets)

    assert [(e["sheet"], e["row"], e["column"]) for e in job.errors] == [
        ("事项", 3, "阶段"),
        ("材料", 4, "份数"),
        ("指导员", 2, "手机"),
    ]
    assert not ApprovalItem.objects.exists()
    assert not Department.objects.exists()


@pytest.mark.django_db
def test_a_missing_column_is_reported_on_the_header_row(center_admin):
    sheets = sample_sheets()
    for row in sheets["事项"]:
        row.pop("阶段")

    job = import_job_create(
        actor=center_admin, upload=upload(_without_header(workbook_from_rows(sheets), "事项", "阶段"))
    )

    assert [e["text"] for e in job.errors] == ["工作表「事项」第 1 行：缺少列「阶段」"]
    assert not ApprovalItem.objects.exists()


def _without_header(content: bytes, sheet: str, header: str) -> bytes:
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(content))
    ws = wb[sheet]
    column = [c.value for c in ws[1]].index(header) + 1
    ws.delete_cols(column)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_prerequisite_cycle_is_refused_naming_the_cycle(center_admin):
    sheets = sample_sheets()
    sheets["事项"][0]["前置事项编码"] = "HSB-001"

    job = run_import(center_admin, sheets)

    assert job.status == ImportJobStatus.REJECTED
    (error,) = job.errors
    assert error["sheet"] == "事项"
    assert error["text"].startswith("工作表「事项」第 ")
    assert "前置事项形成循环：" in error["text"]
    assert error["message"].split("：")[1] in {"DRC-001 → HSB-001 → DRC-001", "HSB-001 → DRC-001 → HSB-001"}
    assert not ItemPrerequisite.objects.exists()
