"""Catalogue data for tests, built through the real services."""

from __future__ import annotations

import datetime
from typing import Any

from liaison.catalogue.models import ApprovalItem, GuideChange
from liaison.catalogue.services.guides import guide_assign
from liaison.catalogue.services.items import item_create
from liaison.catalogue.stages import Stage
from liaison.directory.models import Department, User

START = datetime.date(2025, 3, 3)

MATERIALS = [
    {
        "name": "申请表",
        "form": "original",
        "copies": 1,
        "required": True,
        "issuing_body": "项目单位",
        "notes": "",
    },
    {
        "name": "营业执照",
        "form": "copy",
        "copies": 2,
        "required": True,
        "issuing_body": "市场监督管理部门",
        "notes": "加盖公章",
    },
    {"name": "授权委托书", "form": "both", "copies": 1, "required": False, "issuing_body": "", "notes": ""},
]


def make_item(
    actor: User,
    department: Department,
    code: str = "A001",
    name: str = "建设项目用地预审",
    *,
    stage: str = Stage.APPROVAL_LAND,
    time_limit_days: int = 10,
    **extra: Any,
) -> ApprovalItem:
    return item_create(
        actor=actor,
        code=code,
        name=name,
        department=department,
        stage=stage,
        time_limit_days=time_limit_days,
        **extra,
    )


def assign(actor: User, item: ApprovalItem, guide: User, date: datetime.date = START) -> GuideChange:
    return guide_assign(actor=actor, item=item, guide=guide, effective_date=date, reason="初次登记备案")
