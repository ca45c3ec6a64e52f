"""The centre's publicity settings (the enquiry answer period)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.bounds import id_or_none
from liaison.core.errors import DomainError, PermissionDenied
from liaison.publicity.models import PublicitySettings
from liaison.publicity.policies import can_handle_enquiries
from liaison.publicity.settings_row import publicity_settings


def publicity_settings_update(*, actor: Any, answer_days: object) -> PublicitySettings:
    """Set the answer period (1–30 working days); open enquiries keep the deadline they were given."""
    if not can_handle_enquiries(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以修改设置。"))
    days = id_or_none(answer_days)
    if days is None or days > 30:
        raise DomainError(_("答复期限须为 1 至 30 个工作日。"), field="answer_days")
    with transaction.atomic():
        row = PublicitySettings.objects.select_for_update().filter(pk=publicity_settings().pk).get()
        before = row.answer_days
        row.answer_days = days
        row.save()
        audit_record(
            actor=actor,
            action="publicity.settings",
            obj=row,
            before={"answer_days": before},
            after={"answer_days": days},
            summary=_("修改咨询答复期限为 %(d)d 个工作日") % {"d": days},
        )
    return row
