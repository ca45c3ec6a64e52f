"""Steps every consultation service shares: lock, authorise, record the step, notify the people around it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.consultations.models import Consultation, ConsultationEvent
from liaison.consultations.policies import consultation_roles
from liaison.consultations.workflows import CONSULTATION_WORKFLOW
from liaison.core.errors import NotFound
from liaison.core.workflow import Transition
from liaison.intake.services.guard import ensure_service_open
from liaison.notifications.services.notify import notification_send

STATE_FIELDS = ["state", "guide", "approval_item", "reply_due", "relay_count"]
NOT_FOUND = _("咨询不存在或您无权查看。")


def lock(consultation: Consultation) -> Consultation:
    """The consultation re-read under a row lock: concurrent steps queue up and see each other's result."""
    locked = (
        Consultation.objects.select_for_update(of=("self",))
        .select_related("project__enterprise", "approval_item__department", "guide", "first_contact")
        .get(pk=consultation.pk)
    )
    ensure_service_open(locked.project)
    return locked


def check_step(actor: Any, consultation: Consultation, name: str) -> Transition:
    """The transition `name` for `actor` now: NotFound if they may not see it, else the workflow's verdict."""
    roles = consultation_roles(actor, consultation)
    if not roles:
        raise NotFound(NOT_FOUND)
    return CONSULTATION_WORKFLOW.check(name, state=consultation.state, roles=roles)


def record(
    consultation: Consultation,
    *,
    actor: Any,
    kind: str,
    note: str = "",
    action: str,
    summary: str,
    before: dict[str, Any] | None = None,
    at: Any = None,
) -> ConsultationEvent:
    """The step in the consultation's history and in the audit trail (in the caller's transaction)."""
    event = ConsultationEvent.objects.create(
        consultation=consultation, kind=kind, actor=actor, note=note, at=at or timezone.now()
    )
    audit_record(
        actor=actor,
        action=action,
        obj=consultation,
        before=before,
        after=snapshot(consultation, STATE_FIELDS),
        summary=summary,
    )
    return event


def notify(
    consultation: Consultation,
    people: Iterable[Any],
    *,
    event: str,
    title: str,
    body: str = "",
    exclude: Any = None,
) -> None:
    skip = getattr(exclude, "pk", None)
    notification_send(
        recipients=[p for p in people if p is not None and p.pk != skip and p.is_active],
        kind=f"consultation.{event.split(':', 1)[0]}",
        event_key=f"consultation:{consultation.pk}:{event}",
        title=title,
        body=body,
        url=f"/consultations/{consultation.pk}/",
    )
