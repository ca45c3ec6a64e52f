"""What every complaint service shares: the row lock, the step record, the deadline, the audit event
(which never carries an integrity complaint's content) and the notification."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.complaints.models import Complaint, ComplaintStep, Track
from liaison.complaints.policies import business_filter, business_roles, integrity_filter, integrity_roles
from liaison.complaints.workflows import BUSINESS_WORKFLOW, INTEGRITY_WORKFLOW
from liaison.core.errors import NotFound
from liaison.core.workflow import Workflow
from liaison.deadlines.calendar_policy import deadline_after
from liaison.notifications.services.notify import notification_send


def due_after(days: int, start: dt.date | None = None) -> dt.date | None:
    return deadline_after(start or timezone.localdate(), days).due_on


def code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def workflow_of(complaint: Complaint) -> Workflow:
    return INTEGRITY_WORKFLOW if complaint.track == Track.INTEGRITY else BUSINESS_WORKFLOW


def lock(actor: Any, complaint_id: int, track: str) -> tuple[Complaint, frozenset[str]]:
    """The complaint locked for update, with the roles `actor` acts in; 404 when hidden or on the other track."""
    rule = integrity_filter(actor) if track == Track.INTEGRITY else business_filter(actor)
    complaint = None
    if rule is not None:
        complaint = Complaint.objects.select_for_update().filter(pk=complaint_id).first()
        if complaint is not None and not Complaint.objects.filter(rule, pk=complaint.pk).exists():
            complaint = None
    if complaint is None:
        raise NotFound(_("投诉不存在或您无权查看。"))
    if track == Track.INTEGRITY:
        return complaint, integrity_roles(actor, complaint)
    return complaint, business_roles(actor, complaint)


def step(complaint: Complaint, name: str, *, actor: Any, roles: frozenset[str]) -> str:
    """Check the transition and record it; returns the previous state (the caller saves the row)."""
    previous = complaint.state
    workflow_of(complaint).record_step(
        name,
        complaint,
        roles=roles,
        step_model=ComplaintStep,
        link="complaint",
        actor=actor if getattr(actor, "pk", None) else None,
    )
    return previous


def record(complaint: Complaint, action: str, *, actor: Any, before: dict[str, Any] | None = None) -> None:
    """The audit event: the number, track and state only — never what the complaint says."""
    audit_record(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=None if getattr(actor, "pk", None) else _("投诉人"),
        action=f"complaint.{action}",
        obj=complaint,
        object_repr=complaint.number or "",
        before=before,
        after={"track": complaint.track, "state": complaint.state, "due_on": complaint.due_on},
        summary=_("投诉 %(n)s：%(a)s") % {"n": complaint.number, "a": action},
    )


def tell(people: Iterable[Any], complaint: Complaint, key: str, title: str, *, actor: Any = None) -> None:
    """A notification that names the complaint by its number only."""
    url = (
        f"/complaints/integrity/{complaint.pk}/"
        if complaint.track == Track.INTEGRITY
        else f"/complaints/{complaint.pk}/"
    )
    actor_pk = getattr(actor, "pk", None)
    notification_send(
        recipients=[p for p in people if p is not None and p.pk != actor_pk],
        kind=f"complaint.{key}",
        event_key=f"complaint:{complaint.pk}:{key}:{complaint.steps.count()}",
        title=title,
        url=url,
    )
