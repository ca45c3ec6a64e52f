"""The one way the platform writes Excel: a styled table (header, borders, dates, text columns, formulas
refused) and the bytes of a workbook. The roster, the catalogue, the officer registry and every list
page's export (`liaison.core.listing`) use it."""

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


def table_workbook(
    *,
    sheet: str,
    title: str,
    subtitle: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int],
    text_columns: Sequence[int] = (),
) -> bytes:
    """One sheet: a title line, a subtitle line (who, when, which filter), then the table with a filter."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # noqa: S101 - a new Workbook always has an active sheet
    ws.title = sheet[:31]  # Excel's limit on sheet names
    cell = ws.cell(row=1, column=1, value=title)
    cell.font = Font(name=FONT_NAME, bold=True, size=14)
    cell.alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.cell(row=2, column=1, value=subtitle).font = Font(name=FONT_NAME)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(headers))
    count = write_table(
        ws, headers=headers, rows=rows, widths=widths, text_columns=text_columns, first_row=HEADER_ROW
    )
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(headers))}{HEADER_ROW + count}"
    return workbook_bytes(wb)


HEADER_ROW = 3


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
