"""The whole catalogue as one workbook (部门, 事项, 材料, 指导员): the format the import reads back."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from liaison.audit.services.events import audit_record
from liaison.catalogue.exchange.columns import (
    DEPARTMENTS,
    GUIDES,
    ITEMS,
    MATERIALS,
    SheetSpec,
    bool_text,
    form_text,
    join_codes,
    stage_text,
)
from liaison.catalogue.exchange.policies import can_export_catalogue
from liaison.catalogue.models import ApprovalItem, GuideAssignment, ItemPrerequisite, MaterialRequirement
from liaison.core.errors import PermissionDenied
from liaison.core.xlsx import workbook_bytes, write_table
from liaison.directory.models import Department


def _department_rows() -> list[list[Any]]:
    return [
        [d.code, d.name, d.short_name, d.address, d.phone, d.sort_order, bool_text(d.is_active)]
        for d in Department.objects.order_by("sort_order", "code")
    ]


def _item_rows() -> list[list[Any]]:
    prerequisites: dict[int, list[str]] = defaultdict(list)
    links = ItemPrerequisite.objects.select_related("prerequisite").order_by("prerequisite__code")
    for link in links:
        prerequisites[link.item_id].append(link.prerequisite.code)
    items = ApprovalItem.objects.select_related("department").order_by(
        "department__sort_order", "department__code", "code"
    )
    return [
        [
            i.code,
            i.name,
            i.department.code,
            stage_text(i.stage),
            i.time_limit_days,
            i.statutory_limit_days,
            i.legal_basis,
            i.fee_note,
            i.location,
            i.conditions,
            i.procedure,
            join_codes(prerequisites.get(i.pk, [])),
            bool_text(i.is_active),
        ]
        for i in items
    ]


def _material_rows() -> list[list[Any]]:
    materials = MaterialRequirement.objects.select_related("item").order_by("item__code", "seq")
    return [
        [
            m.item.code,
            m.seq,
            m.name,
            form_text(m.form),
            m.copies,
            bool_text(m.required),
            m.issuing_body,
            m.notes,
        ]
        for m in materials
    ]


def _guide_rows() -> list[list[Any]]:
    assignments = (
        GuideAssignment.objects.filter(is_active=True).select_related("item", "guide").order_by("item__code")
    )
    return [
        [
            a.item.code,
            a.guide.username,
            a.guide.full_name,
            a.guide.post,
            a.guide.office_phone,
            a.guide.mobile,
            a.start_date,
        ]
        for a in assignments
    ]


def _add_sheet(wb: Workbook, spec: SheetSpec, rows: list[list[Any]], *, first: bool) -> int:
    ws = wb.active if first else wb.create_sheet()
    assert ws is not None  # noqa: S101 - a new Workbook always has an active sheet
    ws.title = spec.title
    text_columns = [n for n, c in enumerate(spec.columns) if c.text]
    return write_table(
        ws,
        headers=spec.headers,
        rows=rows,
        widths=[c.width for c in spec.columns],
        text_columns=text_columns,
    )


def catalogue_workbook_build() -> tuple[bytes, dict[str, int]]:
    """The workbook's bytes and the number of rows written per sheet."""
    wb = Workbook()
    counts: dict[str, int] = {}
    sources = (
        (DEPARTMENTS, _department_rows),
        (ITEMS, _item_rows),
        (MATERIALS, _material_rows),
        (GUIDES, _guide_rows),
    )
    for n, (spec, rows) in enumerate(sources):
        counts[spec.key] = _add_sheet(wb, spec, rows(), first=n == 0)
    return workbook_bytes(wb), counts


def catalogue_filename() -> str:
    return f"{_('事项目录')}-{timezone.localdate():%Y%m%d}.xlsx"


def catalogue_export(*, actor: Any) -> bytes:
    """Export the whole catalogue as a workbook; the export of guides' contacts is audited."""
    if not can_export_catalogue(actor):
        raise PermissionDenied(_("您无权导出事项目录。"))
    with transaction.atomic():
        content, counts = catalogue_workbook_build()
        audit_record(
            actor=actor,
            action="roster.export",
            object_type="catalogue.roster",
            object_id="catalogue.xlsx",
            object_repr=str(_("事项目录工作簿")),
            summary=_("导出事项目录工作簿（%(items)d 个事项，%(guides)d 名在任指导员）")
            % {"items": counts["items"], "guides": counts["guides"]},
            extra={"format": "catalogue_xlsx", "counts": counts},
        )
    return content
