"""Taking the trail out of the system is itself recorded: who exported which filter, when."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.policies import can_export_audit_trail
from liaison.audit.services.events import audit_record
from liaison.core.errors import PermissionDenied


def audit_trail_export_record(*, actor: Any, scope: str) -> None:
    """Check the actor may export the trail and record the export with its filter."""
    if not can_export_audit_trail(actor):
        raise PermissionDenied(_("您无权导出审计日志。"))
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="audit.export",
            object_type="audit.auditevent",
            object_id="",
            object_repr=_("审计日志"),
            summary=_("导出审计日志"),
            extra={"filter": scope[:500]},
        )
