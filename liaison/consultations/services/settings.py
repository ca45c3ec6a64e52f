"""The centre sets the reply period and the warning thresholds of consultations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.consultations.deadline_kinds import REPLY
from liaison.consultations.models import ConsultationSettings
from liaison.consultations.policies import can_manage_consultation_settings
from liaison.consultations.settings_row import consultation_settings
from liaison.core.errors import DomainError, PermissionDenied
from liaison.deadlines.services.settings import deadline_settings_validate, deadline_settings_write

FIELDS = ["reply_days"]
ENGINE_FIELDS = ("yellow_threshold_days", "overdue_repeat_days")  # the engine's values, by this page's names


def _values(row: ConsultationSettings) -> dict[str, Any]:
    return {
        **snapshot(row, FIELDS),
        "yellow_threshold_days": row.yellow_threshold_days,
        "overdue_repeat_days": row.overdue_repeat_days,
    }


def consultation_settings_save(
    *, actor: Any, reply_days: int, yellow_threshold_days: int, overdue_repeat_days: int
) -> ConsultationSettings:
    """The reply period (consultations') with the warning and repeat days (the deadline engine's)."""
    if not can_manage_consultation_settings(actor):
        raise PermissionDenied(_("只有政务服务中心可以修改咨询设置。"))
    consultation_settings()
    with transaction.atomic():
        row = ConsultationSettings.objects.select_for_update().get(pk=1)
        before = _values(row)
        row.reply_days = reply_days
        try:
            row.full_clean()
        except ValidationError as exc:
            field, messages = next(iter(exc.message_dict.items()))
            raise DomainError(messages[0], field=field) from None
        deadline_settings_validate(
            REPLY.code,
            warning_days=yellow_threshold_days,
            repeat_days=overdue_repeat_days,
            fields=ENGINE_FIELDS,
        )
        if yellow_threshold_days >= reply_days:
            raise DomainError(_("黄灯提前量应小于答复期限。"), field="yellow_threshold_days")
        row.save()
        deadline_settings_write(
            actor=actor, kind=REPLY.code, warning_days=yellow_threshold_days, repeat_days=overdue_repeat_days
        )
        audit_record(
            actor=actor,
            action="consultation_settings.save",
            obj=row,
            before=before,
            after=_values(row),
            summary=_("修改咨询答复期限与提醒设置"),
        )
    return row
