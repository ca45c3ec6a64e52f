"""Moving a misrouted complaint to the other track.

Business → integrity (the centre): the content and identity are sealed, the plain columns emptied, the
business track's working data (its steps, the departments' cooperation, the investigator) deleted — what
stays for the centre is the transfer line (a date and a direction). Integrity → business (a supervisor):
the content becomes the centre's; the complainant's identity only if they gave it and agreed
(`identity_consent`, never for an anonymous complaint)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.complaints.crypto import seal, unseal
from liaison.complaints.models import (
    BusinessState,
    Complaint,
    ComplaintStep,
    Cooperation,
    CooperationKind,
    IntegrityState,
    Track,
    Transfer,
)
from liaison.complaints.services.common import due_after, lock, record, step, tell
from liaison.complaints.settings_row import complaint_settings
from liaison.directory.models import User
from liaison.directory.people import centre_admins, users_with_roles
from liaison.directory.roles import Role
from liaison.tracking.services.common import clean_text


def _to_integrity(complaint: Complaint) -> None:
    complaint.sealed = seal(
        {
            "text": complaint.text,
            "happened_on": complaint.happened_on.isoformat() if complaint.happened_on else "",
            "name": complaint.complainant_name,
            "phone": complaint.complainant_phone,
            "email": complaint.complainant_email,
            "user_id": complaint.complainant_user_id,
        }
    )
    complaint.text, complaint.happened_on = "", None
    complaint.complainant_name = complaint.complainant_phone = complaint.complainant_email = ""
    complaint.complainant_user = None
    complaint.investigator = complaint.registered_by = None
    complaint.registered_at = complaint.reply_due = None
    complaint.finding, complaint.measures, complaint.reply = "", "", ""
    for evidence in complaint.evidence.all():
        evidence.sealed_name, evidence.name = seal({"name": evidence.name}), ""
        evidence.save(update_fields=["sealed_name", "name"])
    ComplaintStep.objects.filter(complaint=complaint).delete()
    Cooperation.objects.filter(complaint=complaint, kind=CooperationKind.DEPARTMENT).delete()
    complaint.track, complaint.state = Track.INTEGRITY, IntegrityState.RECEIVED
    complaint.registration_due = complaint.due_on = due_after(complaint_settings().registration_days)


def _to_business(complaint: Complaint) -> None:
    content = unseal(complaint.sealed)
    complaint.text = content.get("text", "")
    happened = content.get("happened_on") or ""
    complaint.happened_on = dt.date.fromisoformat(happened) if happened else None
    if complaint.identity_consent and not complaint.anonymous:
        complaint.complainant_name = content.get("name", "")
        complaint.complainant_phone = content.get("phone", "")
        complaint.complainant_email = content.get("email", "")
        user_id = content.get("user_id")
        complaint.complainant_user = User.objects.filter(pk=user_id).first() if user_id else None
        for evidence in complaint.evidence.all():
            evidence.name, evidence.sealed_name = unseal(evidence.sealed_name).get("name", ""), ""
            evidence.save(update_fields=["sealed_name", "name"])
    else:
        for evidence in complaint.evidence.all():
            evidence.name, evidence.sealed_name = _("证据材料%(n)s") % {"n": evidence.pk}, ""
            evidence.save(update_fields=["sealed_name", "name"])
    complaint.sealed = ""
    ComplaintStep.objects.filter(complaint=complaint).delete()
    complaint.registered_at = complaint.registered_by = complaint.registration_due = None
    complaint.finding = ""
    complaint.track, complaint.state = Track.BUSINESS, BusinessState.RECEIVED
    complaint.reply_due = complaint.due_on = due_after(complaint_settings().reply_days)


def complaint_transfer(*, actor: Any, complaint_id: int, track_from: str, reason: Any) -> Complaint:
    """Move the complaint from `track_from` to the other track (checked against that track's workflow)."""
    reason = clean_text(reason, field="reason", label=_("移交理由"), required=True, limit=2000)
    with transaction.atomic():
        complaint, roles = lock(actor, complaint_id, track_from)
        previous = step(complaint, "transfer", actor=actor, roles=roles)
        if track_from == Track.BUSINESS:
            _to_integrity(complaint)
        else:
            _to_business(complaint)
        complaint.concluded_at = None
        complaint.save()
        Transfer.objects.create(
            complaint=complaint,
            from_track=track_from,
            to_track=complaint.track,
            by=actor,
            sealed_reason=seal({"reason": reason}),
        )
        record(complaint, "transfer", actor=actor, before={"track": track_from, "state": previous})
        if complaint.track == Track.INTEGRITY:
            tell(
                users_with_roles(Role.SUPERVISOR),
                complaint,
                "transferred",
                _("中心移交廉政作风投诉 %(n)s，请登记。") % {"n": complaint.number},
                actor=actor,
            )
        else:
            tell(
                centre_admins(),
                complaint,
                "transferred",
                _("纪检监察部门转来业务投诉 %(n)s，请登记。") % {"n": complaint.number},
                actor=actor,
            )
    complaint.refresh_from_db()
    return complaint
