"""The centre's closure periods: the enterprise's days to confirm the handover, the centre's days to confirm
a completion or termination (working days); audited. Warning and repeat days stay in liaison.deadlines."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.closure.models import PERIOD_MAX, ClosureSettings
from liaison.closure.policies import can_manage_closure_settings
from liaison.core.errors import DomainError, PermissionDenied

FIELDS = ("receipt_days", "confirmation_days")


def closure_settings() -> ClosureSettings:
    """The centre's row (made with the defaults on first use)."""
    row, _created = ClosureSettings.objects.get_or_create(pk=1)
    return row


def closure_settings_update(*, actor: Any, receipt_days: int, confirmation_days: int) -> ClosureSettings:
    """Change both periods (whole working days, 1 to PERIOD_MAX); audited. Running deadlines keep theirs."""
    if not can_manage_closure_settings(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以修改办结期限设置。"))
    for name, value in (("receipt_days", receipt_days), ("confirmation_days", confirmation_days)):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= PERIOD_MAX:
            raise DomainError(_("请填写 1 至 %(n)d 之间的整数（工作日）。") % {"n": PERIOD_MAX}, field=name)
    with transaction.atomic():
        closure_settings()
        row = ClosureSettings.objects.select_for_update().get(pk=1)
        before = snapshot(row, FIELDS)
        row.receipt_days, row.confirmation_days, row.updated_by = receipt_days, confirmation_days, actor
        row.save()
        audit_record(
            actor=actor,
            action="closure_settings.update",
            obj=row,
            before=before,
            after=snapshot(row, FIELDS),
            summary=_("修改办结期限设置"),
        )
    return row
