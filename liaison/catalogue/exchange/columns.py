"""The catalogue workbook's layout, declared once for the export and the import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Choices
from django.utils import translation

from liaison.catalogue.models import MaterialForm
from liaison.catalogue.stages import Stage

YES = "是"
NO = "否"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int = 14
    text: bool = False  # stored as text ("@") so codes and phones keep leading zeros


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: str
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


DEPARTMENTS = SheetSpec(
    "departments",
    "部门",
    (
        Column("code", "部门编码", 12, text=True),
        Column("name", "部门名称", 28),
        Column("short_name", "简称", 14),
        Column("address", "办公地址", 30),
        Column("phone", "联系电话", 16, text=True),
        Column("sort_order", "排序", 8),
        Column("is_active", "启用", 8),
    ),
)
ITEMS = SheetSpec(
    "items",
    "事项",
    (
        Column("code", "事项编码", 16, text=True),
        Column("name", "事项名称", 36),
        Column("department", "部门编码", 12, text=True),
        Column("stage", "阶段", 24),
        Column("time_limit_days", "承诺时限（工作日）", 12),
        Column("statutory_limit_days", "法定时限（工作日）", 12),
        Column("legal_basis", "设定依据", 40),
        Column("fee_note", "收费标准及依据", 20),
        Column("location", "办理地点", 24),
        Column("conditions", "申请条件", 30),
        Column("procedure", "办理流程", 30),
        Column("prerequisites", "前置事项编码", 24, text=True),
        Column("is_active", "启用", 8),
    ),
)
MATERIALS = SheetSpec(
    "materials",
    "材料",
    (
        Column("item", "事项编码", 16, text=True),
        Column("seq", "序号", 8),
        Column("name", "材料名称", 36),
        Column("form", "原件/复印件", 14),
        Column("copies", "份数", 8),
        Column("required", "是否必需", 10),
        Column("issuing_body", "出具单位", 20),
        Column("notes", "备注", 30),
    ),
)
GUIDES = SheetSpec(
    "guides",
    "指导员",
    (
        Column("item", "事项编码", 16, text=True),
        Column("username", "用户名", 16, text=True),
        Column("full_name", "姓名", 12),
        Column("post", "职务", 14),
        Column("office_phone", "办公电话", 16, text=True),
        Column("mobile", "手机", 16, text=True),
        Column("start_date", "任职日期", 12),
    ),
)
SHEETS: tuple[SheetSpec, ...] = (DEPARTMENTS, ITEMS, MATERIALS, GUIDES)

# Field limits mirrored from the models, checked before anything is written.
MAX_LENGTHS: dict[tuple[str, str], int] = {
    ("departments", "code"): 32,
    ("departments", "name"): 100,
    ("departments", "short_name"): 40,
    ("departments", "address"): 200,
    ("departments", "phone"): 40,
    ("items", "code"): 40,
    ("items", "name"): 200,
    ("items", "fee_note"): 300,
    ("items", "location"): 200,
    ("materials", "name"): 200,
    ("materials", "issuing_body"): 100,
    ("materials", "notes"): 300,
    ("guides", "username"): 150,
    ("guides", "full_name"): 50,
    ("guides", "post"): 60,
    ("guides", "office_phone"): 40,
    ("guides", "mobile"): 20,
}

PREREQUISITE_SEPARATORS = (",", "，", "、", ";", "；", " ")
BOOL_BY_TEXT = {YES: True, NO: False, "1": True, "0": False, "true": True, "false": False}


def bool_text(value: bool) -> str:
    return YES if value else NO


# The workbook is a Chinese data format: labels are written and read in the source language,
# whatever language the person exporting or importing has chosen.
WORKBOOK_LANGUAGE = "zh-hans"


def _label(choices: type[Choices], value: str) -> str:
    with translation.override(WORKBOOK_LANGUAGE):
        return str(choices(value).label) if value in choices.values else value


def _value(choices: type[Choices], text: str) -> str | None:
    with translation.override(WORKBOOK_LANGUAGE):
        by_text = {str(c.label): c.value for c in choices}
    by_text.update({c.value: c.value for c in choices})
    return by_text.get(text.strip())


def stage_text(value: str) -> str:
    return _label(Stage, value)


def stage_from_text(text: str) -> str | None:
    return _value(Stage, text)


def form_text(value: str) -> str:
    return _label(MaterialForm, value)


def form_from_text(text: str) -> str | None:
    return _value(MaterialForm, text)


def bool_from_text(text: str) -> bool | None:
    return BOOL_BY_TEXT.get(text.strip().lower())


def join_codes(codes: list[str]) -> str:
    return ",".join(codes)


def split_codes(text: str) -> list[str]:
    for sep in PREREQUISITE_SEPARATORS[1:]:
        text = text.replace(sep, PREREQUISITE_SEPARATORS[0])
    return [part.strip() for part in text.split(PREREQUISITE_SEPARATORS[0]) if part.strip()]


def cell_text(value: Any) -> str:
    """A cell's value as trimmed text: numbers typed in Excel lose their `.0`, dates become ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def stage_choices_text() -> str:
    return "、".join(_label(Stage, s.value) for s in Stage)


def form_choices_text() -> str:
    return "、".join(_label(MaterialForm, f.value) for f in MaterialForm)
