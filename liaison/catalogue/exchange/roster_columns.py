"""The columns of the guide roster (Attachment 1), written once for the Word template and the Excel sheet.

Each column names the RosterRow field it shows, its width in the Excel sheet (characters) and in the
Word table (cm, A4 landscape with 1.5 cm side margins: 26.7 cm in all, 0.19 cm cell padding each side).
The Word widths are chosen so that, in 9 pt (小五) 宋体, an item name of up to 26 characters takes two
lines, a department or stage name of up to 14 two lines, and a phone number or date one line even where
LibreOffice draws digits in DejaVu Serif (wider than Times New Roman) for want of the Windows fonts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RosterColumn:
    header: str
    field: str  # the RosterRow attribute shown
    xlsx_width: int
    docx_width: float
    text: bool = False  # kept as text in Excel (codes and phone numbers, never turned into numbers)
    wide_text: bool = False  # left-aligned in Word (text that wraps); short values are centred


ROSTER_COLUMNS = (
    RosterColumn("序号", "seq", 6, 1.2),
    RosterColumn("部门", "department", 24, 2.8),
    RosterColumn("事项编码", "item_code", 16, 1.9, text=True),
    RosterColumn("审批（服务）事项", "item_name", 36, 4.6, wide_text=True),
    RosterColumn("阶段", "stage_label", 22, 2.7),
    RosterColumn("指导员姓名", "guide_name", 12, 1.7),
    RosterColumn("职务", "post", 14, 1.6),
    RosterColumn("办公电话", "office_phone", 16, 3.0, text=True),
    RosterColumn("手机号码", "mobile", 16, 2.7, text=True),
    RosterColumn("任职日期", "start_date", 12, 2.3),
    RosterColumn("备注", "remarks", 30, 2.2, wide_text=True),
)
ROSTER_HEADERS = tuple(c.header for c in ROSTER_COLUMNS)
