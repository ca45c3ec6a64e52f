"""The centre sets the reply period and the warning thresholds of consultations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.consultations.models import ConsultationSettings
from liaison.consultations.policies import can_manage_consultation_settings
from liaison.consultations.settings_row import consultation_settings
from liaison.core.errors import DomainError, PermissionDenied

FIELDS = ["reply_days", "yellow_threshold_days", "overdue_repeat_days"]


def consultation_settings_save(
    *, actor: Any, reply_days: int, yellow_threshold_days: int, overdue_repeat_days: int
) -> ConsultationSettings:
    if not can_manage_consultation_settings(actor):
        raise PermissionDenied(_("只有政务服务中心可以修改咨询设置。"))
    consultation_settings()
    with transaction.atomic():
        row = ConsultationSettings.objects.select_for_update().get(pk=1)
        before = snapshot(row, FIELDS)
        row.reply_days = reply_days
        row.yellow_threshold_days = yellow_threshold_days
        row.overdue_repeat_days = overdue_repeat_days
        try:
            row.full_clean()
        except ValidationError as exc:
            field, messages = next(iter(exc.message_dict.items()))
            raise DomainError(messages[0], field=field) from None
        if yellow_threshold_days >= reply_days:
            raise DomainError(_("黄灯提前量应小于答复期限。"), field="yellow_threshold_days")
        row.save()
        audit_record(
            actor=actor,
            action="consultation_settings.save",
            obj=row,
            before=before,
            after=snapshot(row, FIELDS),
            summary=_("修改咨询答复期限与提醒设置"),
        )
    return row
