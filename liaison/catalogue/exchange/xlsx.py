"""Small openpyxl helpers shared by the roster and catalogue exports."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT_NAME = "宋体"
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _safe(value: Any) -> Any:
    """Drop control characters Excel cannot store (they would make openpyxl refuse the cell)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write_table(
    ws: Worksheet,
    *,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int],
    text_columns: Sequence[int] = (),
    first_row: int = 1,
) -> int:
    """Write a header row and data rows from `first_row`; return the number of data rows written."""
    header_font = Font(name=FONT_NAME, bold=True)
    body_font = Font(name=FONT_NAME)
    fill = PatternFill("solid", fgColor="F1F3F5")
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=first_row, column=col, value=header)
        cell.font = header_font
        cell.fill = fill
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    count = 0
    for count, values in enumerate(rows, start=1):
        row = first_row + count
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=_safe(value))
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text typed by users is never written as a formula
            cell.font = body_font
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if col - 1 in text_columns:
                cell.number_format = "@"
            elif hasattr(value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=first_row + 1, column=1)
    return count


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
