"""Helpers for tests and demo data: catalogue rows through the import's own write path, and
workbooks in the import format built from plain dicts."""

from __future__ import annotations

import datetime as dt
import io
import signal
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from openpyxl import Workbook

from liaison.audit.models import AuditEvent
from liaison.catalogue.exchange.apply import catalogue_import_apply
from liaison.catalogue.exchange.columns import SHEETS
from liaison.catalogue.exchange.jobs import import_job_create
from liaison.catalogue.exchange.plan import GuidePlan, ImportPlan, ItemPlan, MaterialPlan
from liaison.catalogue.models import (
    ApprovalItem,
    GuideAssignment,
    GuideChange,
    ImportJob,
    ItemPrerequisite,
    MaterialRequirement,
)
from liaison.catalogue.stages import Stage
from liaison.core.xlsx import XLSX_CONTENT_TYPE
from liaison.directory.models import Department, User


def seed_item(
    *,
    actor: Any,
    department: Department,
    code: str,
    name: str = "",
    stage: str = Stage.APPROVAL_LAND,
    guide: User | None = None,
    start_date: dt.date | None = None,
    materials: Sequence[str] = (),
    prerequisites: Sequence[str] = (),
    time_limit_days: int = 10,
    is_active: bool = True,
) -> ApprovalItem:
    """Create (or update) one item, its materials, prerequisites and guide, audited as an import is."""
    plan = ImportPlan(
        items=[
            ItemPlan(
                row=2,
                code=code,
                name=name or f"事项{code}",
                department_code=department.code,
                stage=stage,
                time_limit_days=time_limit_days,
                statutory_limit_days=20,
                legal_basis="《中华人民共和国行政许可法》",
                fee_note="不收费",
                location="政务服务中心",
                conditions="",
                procedure="",
                prerequisites=list(prerequisites),
                is_active=is_active,
            )
        ],
        materials=[
            MaterialPlan(
                row=n + 2,
                item_code=code,
                seq=n + 1,
                name=material,
                form="original",
                copies=1,
                required=True,
                issuing_body="",
                notes="",
            )
            for n, material in enumerate(materials)
        ],
    )
    if guide is not None:
        plan.guides.append(
            GuidePlan(
                row=2,
                item_code=code,
                username=guide.username,
                full_name=guide.full_name,
                post=guide.post,
                office_phone=guide.office_phone,
                mobile=guide.mobile,
                start_date=start_date or timezone.localdate() - dt.timedelta(days=30),
            )
        )
    catalogue_import_apply(actor=actor, plan=plan)
    return ApprovalItem.objects.get(code=code)


def workbook_from_rows(
    sheets: Mapping[str, Iterable[Mapping[str, Any]]], *, omit: Iterable[str] = ()
) -> bytes:
    """An import workbook: `sheets` maps a sheet title to rows of {header: value}; missing sheets are
    written empty (header only) unless named in `omit`."""
    wb = Workbook()
    first = wb.active
    if first is not None:
        wb.remove(first)
    skipped = set(omit)
    for spec in SHEETS:
        if spec.title in skipped:
            continue
        ws = wb.create_sheet(spec.title)
        ws.append(spec.headers)
        for row in sheets.get(spec.title, []):
            ws.append([row.get(h, "") for h in spec.headers])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "catalogue.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX_CONTENT_TYPE)


def sample_sheets() -> dict[str, list[dict[str, Any]]]:
    """A small valid catalogue workbook: two departments, two items, three materials, one new guide."""
    return {
        "部门": [
            {"部门编码": "DRC", "部门名称": "区发展和改革局", "简称": "发改局", "排序": 1, "启用": "是"},
            {"部门编码": "HSB", "部门名称": "区住房和城乡建设局", "简称": "住建局", "排序": 2, "启用": "是"},
        ],
        "事项": [
            {
                "事项编码": "DRC-001",
                "事项名称": "企业投资项目核准",
                "部门编码": "DRC",
                "阶段": "立项及备案用地规划许可阶段",
                "承诺时限（工作日）": 10,
                "法定时限（工作日）": 20,
                "设定依据": "《企业投资项目核准和备案管理条例》",
                "收费标准及依据": "不收费",
                "办理地点": "政务服务中心二楼",
                "启用": "是",
            },
            {
                "事项编码": "HSB-001",
                "事项名称": "建筑工程施工许可",
                "部门编码": "HSB",
                "阶段": "施工许可阶段",
                "承诺时限（工作日）": 5,
                "前置事项编码": "DRC-001",
                "启用": "是",
            },
        ],
        "材料": [
            {
                "事项编码": "DRC-001",
                "序号": 1,
                "材料名称": "项目申请报告",
                "原件/复印件": "原件",
                "份数": 2,
                "是否必需": "是",
            },
            {
                "事项编码": "DRC-001",
                "序号": 2,
                "材料名称": "规划选址意见",
                "原件/复印件": "复印件",
                "份数": 1,
                "是否必需": "否",
            },
            {
                "事项编码": "HSB-001",
                "序号": 1,
                "材料名称": "施工合同",
                "原件/复印件": "原件及复印件",
                "份数": 1,
            },
        ],
        "指导员": [
            {
                "事项编码": "DRC-001",
                "用户名": "new_guide",
                "姓名": "王五",
                "职务": "科长",
                "办公电话": "0871-63100009",
                "手机": "13700001111",
                "任职日期": "2025-01-02",
            },
        ],
    }


def run_import(actor: Any, sheets: Mapping[str, Iterable[Mapping[str, Any]]], **kwargs: Any) -> ImportJob:
    """Upload `sheets` as a workbook the way the import page does (small: imported at once)."""
    return import_job_create(actor=actor, upload=upload(workbook_from_rows(sheets, **kwargs)))


def catalogue_state() -> dict[str, Any]:
    """Every catalogue row, to prove an import wrote nothing (or nothing new)."""
    return {
        "departments": list(Department.objects.order_by("code").values()),
        "items": list(ApprovalItem.objects.order_by("code").values()),
        "materials": list(MaterialRequirement.objects.order_by("item__code", "seq").values()),
        "prerequisites": list(ItemPrerequisite.objects.order_by("pk").values()),
        "assignments": list(GuideAssignment.objects.order_by("pk").values()),
        "guide_changes": list(GuideChange.objects.order_by("pk").values()),
        "users": list(User.objects.order_by("username").values()),
        "audit": AuditEvent.objects.count(),
    }


def run_worker() -> None:
    """Run the real django-tasks database worker until the queue is empty."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
