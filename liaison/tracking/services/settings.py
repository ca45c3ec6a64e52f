"""The centre's tracking settings: when items' and to-dos' lights turn yellow and how often overdue ones are
reminded (the deadline engine's values for tracking's two kinds), and the to-dos' default period; audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError, PermissionDenied
from liaison.deadlines.services.settings import deadline_settings_validate, deadline_settings_write
from liaison.tracking.deadline_kinds import ITEM, OBLIGATION
from liaison.tracking.lights import tracking_settings
from liaison.tracking.models import TrackingSettings
from liaison.tracking.policies import can_manage_tracking_settings

FIELDS = ("obligation_default_days",)
ENGINE_FIELDS = ("yellow_threshold_days", "overdue_repeat_days")  # the caller's names for the engine's


def _values(row: TrackingSettings) -> dict[str, int]:
    return {
        **snapshot(row, FIELDS),
        "yellow_threshold_days": row.yellow_threshold_days,
        "overdue_repeat_days": row.overdue_repeat_days,
    }


def tracking_settings_update(
    *, actor: Any, yellow_threshold_days: int, overdue_repeat_days: int, obligation_default_days: int
) -> TrackingSettings:
    """Change the thresholds (whole working days within sensible bounds); audited."""
    if not can_manage_tracking_settings(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以修改跟踪提醒设置。"))
    for kind in (ITEM.code, OBLIGATION.code):
        deadline_settings_validate(
            kind, warning_days=yellow_threshold_days, repeat_days=overdue_repeat_days, fields=ENGINE_FIELDS
        )
    value = obligation_default_days
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 60:
        raise DomainError(
            _("请填写 1 至 %(n)d 之间的整数（工作日）。") % {"n": 60}, field="obligation_default_days"
        )
    with transaction.atomic():
        tracking_settings()
        row = TrackingSettings.objects.select_for_update().get(pk=1)
        before = _values(row)
        for kind in (ITEM.code, OBLIGATION.code):
            deadline_settings_write(
                actor=actor, kind=kind, warning_days=yellow_threshold_days, repeat_days=overdue_repeat_days
            )
        row.obligation_default_days = value
        row.updated_by = actor
        row.save()
        audit_record(
            actor=actor,
            action="tracking_settings.update",
            obj=row,
            before=before,
            after=_values(row),
            summary=_("修改跟踪提醒设置"),
        )
    return row
