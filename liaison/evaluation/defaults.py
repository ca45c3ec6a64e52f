"""The centre's starting lists (bad-review reasons, survey questions), seeded by migration 0002; the centre
may add to them and disable entries."""

from __future__ import annotations

from typing import Any

REASONS = (
    "办理超时、拖延",
    "服务态度差",
    "要求提供规定以外的材料",
    "一次性告知不到位、多次往返",
    "业务不熟、指导有误",
    "沟通联系不及时",
    "索要或收受财物、吃拿卡要",
    "其他",
)
QUESTIONS = (
    ("联络官的服务态度", "officer"),
    ("联络官的业务能力", "officer"),
    ("联络官办理是否及时", "officer"),
    ("指导员讲解是否清楚", "guide"),
    ("指导员是否一次性告知所需材料", "guide"),
    ("对联络官代办服务的总体评价", "overall"),
)


def seed_default_lists(reason_model: Any, question_model: Any) -> None:
    """Create the starting entries that are missing (models passed in: real ones or a migration's)."""
    for order, name in enumerate(REASONS, start=1):
        reason_model.objects.get_or_create(name=name, defaults={"order": order})
    for order, (text, target) in enumerate(QUESTIONS, start=1):
        question_model.objects.get_or_create(text=text, defaults={"target": target, "order": order})
