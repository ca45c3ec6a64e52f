"""What the assessment's services share: the leader check, row locks, the workflow step and text checks."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from liaison.assessment.models import AssessmentMethod, AssessmentPeriod
from liaison.assessment.policies import can_manage_assessment
from liaison.core.errors import DomainError, NotFound, PermissionDenied


def ensure_leader(actor: Any) -> None:
    if not can_manage_assessment(actor):
        raise PermissionDenied(_("只有政务服务管理局/中心负责人可以制定和发布考核。"))


def lock_method(method_id: int) -> AssessmentMethod:
    row = AssessmentMethod.objects.select_for_update().filter(pk=method_id).first()
    if row is None:
        raise NotFound(_("考核办法不存在。"))
    return row


def lock_period(period_id: int) -> AssessmentPeriod:
    row = AssessmentPeriod.objects.select_for_update().filter(pk=period_id).first()
    if row is None:
        raise NotFound(_("考核期不存在。"))
    return row


def roles_of(actor: Any) -> frozenset[str]:
    return frozenset(actor.role_set)


def clean_text(value: Any, *, label: str, limit: int, field: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
    if len(text) > limit:
        raise DomainError(_("%(label)s不能超过 %(n)s 个字。") % {"label": label, "n": limit}, field=field)
    return text
