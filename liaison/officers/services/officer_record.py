"""Adding dated lines to an officer's service record: training, commendation, work notes."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError
from liaison.officers.models import Officer, OfficerRecordEntry, OfficerRecordKind
from liaison.officers.policies import can_add_officer_record
from liaison.officers.services.guard import authorize
from liaison.officers.validation import clean_required

# Registration and status lines are written by their own services, never by hand.
MANUAL_RECORD_KINDS = (OfficerRecordKind.TRAINING, OfficerRecordKind.COMMENDATION, OfficerRecordKind.NOTE)


def officer_record_add(
    *, actor: Any, officer: Officer, kind: str, date: datetime.date | None, text: str
) -> OfficerRecordEntry:
    """Add a training, commendation or work-note line to the officer's service record."""
    authorize(actor, can_add_officer_record, officer)
    if kind not in MANUAL_RECORD_KINDS:
        raise DomainError(
            _("记录类型无效，可选：%(kinds)s。")
            % {"kinds": "、".join(str(k.label) for k in MANUAL_RECORD_KINDS)},
            field="kind",
        )
    if date is None:
        raise DomainError(_("请填写日期。"), field="date")
    if date > timezone.localdate():
        raise DomainError(_("记录日期不能晚于今天。"), field="date")
    text = clean_required(text, field="text", label=_("内容"), max_length=500)
    with transaction.atomic():
        entry = OfficerRecordEntry.objects.create(
            officer=officer, kind=kind, date=date, text=text, recorded_by=actor
        )
        audit_record(
            actor=actor,
            action="officer_record.add",
            obj=entry,
            after=snapshot(entry, ["officer", "kind", "date", "text"]),
            summary=_("为联络官 %(number)s 添加%(kind)s：%(text)s")
            % {"number": officer.number, "kind": entry.get_kind_display(), "text": text[:100]},
        )
    return entry
