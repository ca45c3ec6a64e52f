"""The centre's tracking thresholds, edited as data."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError, PermissionDenied
from liaison.tracking.lights import tracking_settings
from liaison.tracking.models import TrackingSettings
from liaison.tracking.policies import can_manage_tracking_settings

FIELDS = ("yellow_threshold_days", "overdue_repeat_days", "obligation_default_days")
LIMITS = {"yellow_threshold_days": 30, "overdue_repeat_days": 30, "obligation_default_days": 60}


def tracking_settings_update(
    *, actor: Any, yellow_threshold_days: int, overdue_repeat_days: int, obligation_default_days: int
) -> TrackingSettings:
    """Change the thresholds (whole working days within sensible bounds); audited."""
    if not can_manage_tracking_settings(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以修改跟踪提醒设置。"))
    values = {
        "yellow_threshold_days": yellow_threshold_days,
        "overdue_repeat_days": overdue_repeat_days,
        "obligation_default_days": obligation_default_days,
    }
    for name, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= LIMITS[name]:
            raise DomainError(_("请填写 1 至 %(n)d 之间的整数（工作日）。") % {"n": LIMITS[name]}, field=name)
    with transaction.atomic():
        tracking_settings()
        row = TrackingSettings.objects.select_for_update().get(pk=1)
        before = snapshot(row, FIELDS)
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_by = actor
        row.save()
        audit_record(
            actor=actor,
            action="tracking_settings.update",
            obj=row,
            before=before,
            after=snapshot(row, FIELDS),
            summary=_("修改跟踪提醒设置"),
        )
    return row
