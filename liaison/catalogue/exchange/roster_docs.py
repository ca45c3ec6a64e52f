"""The guide roster as documents: Attachment 1 in Word (docxtpl template) and an Excel sheet."""

from __future__ import annotations

import io
from dataclasses import asdict
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from liaison.audit.services.events import audit_record
from liaison.catalogue.exchange.policies import can_view_roster
from liaison.catalogue.exchange.roster_columns import ROSTER_COLUMNS, ROSTER_HEADERS
from liaison.catalogue.exchange.templates.build_templates import ROSTER_TEMPLATE
from liaison.catalogue.selectors.roster import RosterFilters, RosterRow, roster_filter_labels, roster_list
from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.xlsx import FONT_NAME, workbook_bytes, write_table

ROSTER_FORMATS = ("xlsx", "docx")


def roster_title() -> str:
    """The attachment's title, built from the configured region name."""
    return _("%(region)s政务服务联络官审批服务专职指导员联系表") % {"region": settings.REGION_NAME}


def roster_filename(fmt: str) -> str:
    return f"{roster_title()}-{timezone.localdate():%Y%m%d}.{fmt}"


def _scope(filters: RosterFilters) -> str:
    labels = roster_filter_labels(filters=filters)
    return _("范围：%(scope)s　　") % {"scope": "，".join(labels)} if labels else ""


def _docx_row(row: RosterRow) -> dict[str, Any]:
    """A roster line as the Word template prints it (the start date as 2025-03-03, or blank)."""
    return {**asdict(row), "start_date": f"{row.start_date:%Y-%m-%d}" if row.start_date else ""}


def roster_docx_render(rows: list[RosterRow], *, filters: RosterFilters) -> bytes:
    """Fill the Attachment 1 Word template with `rows`."""
    doc = DocxTemplate(str(ROSTER_TEMPLATE))
    doc.render(
        {
            "region_name": settings.REGION_NAME,
            "centre_name": settings.CENTRE_NAME,
            "updated": f"{timezone.localdate():%Y年%m月%d日}",
            "scope": _scope(filters),
            "rows": [_docx_row(r) for r in rows],
        },
        autoescape=True,
    )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def roster_xlsx_render(rows: list[RosterRow], *, filters: RosterFilters) -> bytes:
    """The roster as one sheet under the attachment's title."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # noqa: S101 - a new Workbook always has an active sheet
    ws.title = str(_("指导员联系表"))
    title = ws.cell(row=1, column=1, value=roster_title())
    title.font = Font(name=FONT_NAME, bold=True, size=16)
    title.alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(ROSTER_HEADERS))
    ws.cell(row=2, column=1, value=f"{_scope(filters)}{_('更新日期：')}{timezone.localdate():%Y-%m-%d}")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(ROSTER_HEADERS))
    write_table(
        ws,
        headers=ROSTER_HEADERS,
        rows=([getattr(r, c.field) for c in ROSTER_COLUMNS] for r in rows),
        widths=[c.xlsx_width for c in ROSTER_COLUMNS],
        text_columns=[n for n, c in enumerate(ROSTER_COLUMNS) if c.text],
        first_row=3,
    )
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "3:3"
    return workbook_bytes(wb)


def roster_export(*, actor: Any, filters: RosterFilters, fmt: str) -> bytes:
    """The roster as `actor` may see it, as .xlsx or .docx; exporting guides' contacts is audited."""
    if fmt not in ROSTER_FORMATS:
        raise DomainError(_("不支持的导出格式：%(fmt)s") % {"fmt": fmt})
    if not can_view_roster(actor):
        raise PermissionDenied(_("您无权导出指导员联系表。"))
    rows_source = roster_list(viewer=actor, filters=filters)
    rows = list(rows_source)
    render = roster_docx_render if fmt == "docx" else roster_xlsx_render
    content = render(rows, filters=filters)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="roster.export",
            object_type="catalogue.roster",
            object_id=f"roster.{fmt}",
            object_repr=roster_title(),
            summary=_("导出指导员联系表（%(fmt)s，%(n)d 行）") % {"fmt": fmt, "n": len(rows)},
            extra={
                "format": fmt,
                "rows": len(rows),
                "filters": filters.as_dict(),
                "phones_masked": not rows_source.full_phones,
            },
        )
    return content
