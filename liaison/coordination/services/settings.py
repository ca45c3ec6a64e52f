"""The centre sets the difficulties' periods (working days); audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.audit.services.events import audit_record, snapshot
from liaison.coordination.deadline_kinds import ACTION, DIFFICULTY
from liaison.coordination.deadlines import coordination_settings
from liaison.coordination.models import CoordinationSettings
from liaison.coordination.policies import can_manage_meetings
from liaison.core.errors import DomainError, PermissionDenied
from liaison.deadlines.services.settings import deadline_settings_write
from liaison.deadlines.settings import deadline_settings

FIELDS = ["response_days", "feedback_days"]
LIMITS = {
    "response_days": (1, 60, gettext_lazy("中心协调期限")),
    "feedback_days": (1, 60, gettext_lazy("反馈期限")),
    "yellow_threshold_days": (0, 30, gettext_lazy("临期提醒")),
}


def coordination_settings_save(*, actor: Any, **values: int) -> CoordinationSettings:
    if not can_manage_meetings(actor):  # the centre's staff
        raise PermissionDenied(_("只有政务服务中心工作人员可以修改难点问题期限设置。"))
    for name, (low, high, label) in LIMITS.items():
        value = values.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise DomainError(
                _("%(label)s须为 %(low)d 到 %(high)d 之间的工作日数。")
                % {"label": label, "low": low, "high": high},
                field=name,
            )
    with transaction.atomic():
        coordination_settings()
        row = CoordinationSettings.objects.select_for_update().get(pk=1)
        before = {**snapshot(row, FIELDS), "yellow_threshold_days": row.yellow_threshold_days}
        for name in FIELDS:
            setattr(row, name, values[name])
        row.save()
        for kind in (DIFFICULTY, ACTION):  # the deadline engine's warning days for coordination's two kinds
            repeat = deadline_settings(kind.code).repeat_days
            deadline_settings_write(
                actor=actor, kind=kind.code, warning_days=values["yellow_threshold_days"], repeat_days=repeat
            )
        audit_record(
            actor=actor,
            action="coordination.settings",
            obj=row,
            before=before,
            after={**snapshot(row, FIELDS), "yellow_threshold_days": row.yellow_threshold_days},
            summary=_("修改难点问题期限设置"),
        )
    return row
