"""Exporting the officer registry; every export is an audit event (it carries personal data)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import PermissionDenied
from liaison.officers.exchange.registry_xlsx import officer_workbook
from liaison.officers.policies import can_export_officer
from liaison.officers.selectors.officer import officer_list


def officer_export_xlsx(*, actor: Any, keyword: str = "", status: str = "", unit: str = "") -> bytes:
    """The (filtered) registry as .xlsx bytes, for the centre; the export is audited."""
    if not can_export_officer(actor):
        raise PermissionDenied(_("只有政务服务中心可以导出联络官登记表。"))
    officers = list(officer_list(user=actor, keyword=keyword, status=status, unit=unit))
    content = officer_workbook(viewer=actor, officers=officers, generated_on=timezone.localdate())
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="officer.export",
            object_type="officers.officer",
            object_id="",
            object_repr=_("联络官登记表"),
            summary=_("导出联络官登记表（%(n)d 人）") % {"n": len(officers)},
            extra={
                "format": "xlsx",
                "filters": {"keyword": keyword, "status": status, "unit": unit},
                "officer_ids": [o.pk for o in officers],
            },
        )
    return content
