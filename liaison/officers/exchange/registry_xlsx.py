"""The officer registry (联络官登记表) as an .xlsx workbook that opens in WPS and Excel."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from io import BytesIO
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from liaison.officers.models import Officer
from liaison.officers.presentation import officer_phone

COLUMN_WIDTHS = (6, 16, 12, 28, 15, 26, 10, 30, 14, 30)
HEADER_ROW = 3


def officer_workbook(*, viewer: Any, officers: Iterable[Officer], generated_on: datetime.date) -> bytes:
    """One sheet: a title, the generation date, a header row and one row per officer."""
    headers = [
        _("序号"),
        _("联络官编号"),
        _("姓名"),
        _("工作单位"),
        _("手机号码"),
        _("电子邮箱"),
        _("状态"),
        _("状态说明"),
        _("登记备案日期"),
        _("备注"),
    ]
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # noqa: S101 - a new workbook always has its first sheet
    ws.title = _("联络官登记表")
    ws.cell(row=1, column=1, value=_("%(region)s政务服务联络官登记表") % {"region": settings.REGION_NAME})
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    ws.cell(
        row=2,
        column=1,
        value=_("%(centre)s　导出日期：%(date)s")
        % {"centre": settings.CENTRE_NAME, "date": generated_on.isoformat()},
    )
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(headers))

    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F1F3F5")
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for index, officer in enumerate(officers, start=1):
        row = [
            index,
            officer.number,
            officer.user.display_name,
            officer.unit,
            officer_phone(viewer, officer),
            officer.user.email,
            officer.get_status_display(),
            officer.status_reason,
            officer.registered_on,
            officer.notes,
        ]
        for col, value in enumerate(row, start=1):
            cell = ws.cell(row=HEADER_ROW + index, column=col, value=value)
            cell.border = border
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    for col, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(headers))}{max(ws.max_row, HEADER_ROW)}"
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
