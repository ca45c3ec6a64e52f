"""Shared steps of the service's actions: find the current service, lock it, move it, tell people."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.closure.models import Service, ServiceState, ServiceStep
from liaison.closure.policies import service_roles
from liaison.closure.workflows import SERVICE_WORKFLOW
from liaison.core.errors import NotFound
from liaison.core.workflow import Transition
from liaison.deadlines.calendar_policy import deadline_after
from liaison.intake.models import Entrustment, EntrustmentStatus, Project
from liaison.notifications.services.notify import notification_send
from liaison.tracking.services.common import clean_text

__all__ = ["clean_text", "current_service", "lock_service", "move", "pending_termination_handover", "tell"]


def current_service(project: Project) -> Service | None:
    """The project's current service: that of its latest accepted entrustment (made on first use)."""
    entrustment = (
        Entrustment.objects.filter(
            project=project, status__in=[EntrustmentStatus.ACCEPTED, EntrustmentStatus.CONCLUDED]
        )
        .order_by("-decided_at", "-id")
        .first()
    )
    if entrustment is None:
        return None
    service, _created = Service.objects.get_or_create(entrustment=entrustment, defaults={"project": project})
    return service


def pending_termination_handover(project: Project) -> Service | None:
    """The latest terminated service of `project` whose documents still wait on the enterprise's receipt
    (Art. 16). After a new entrustment (续办) it is no longer the current service, yet the receipt is owed."""
    return (
        Service.objects.filter(
            project=project, state=ServiceState.TERMINATED, termination_handover_pending=True
        )
        .order_by("-created_at", "-id")
        .first()
    )


def lock_service(
    actor: Any, project: Project, *, termination_receipt: bool = False
) -> tuple[Service, frozenset[str]]:
    """The current service under a row lock, with the roles `actor` holds for it (404 for outsiders).
    With `termination_receipt`, the service whose termination handover waits on a receipt, when there is
    one (it may be an earlier service than the current one)."""
    roles = service_roles(actor, project)
    service = None
    if roles:
        service = (termination_receipt and pending_termination_handover(project)) or current_service(project)
    if service is None:
        raise NotFound(_("项目不存在或您无权查看。"))
    locked = (
        Service.objects.select_for_update(of=("self",))
        .select_related("project", "entrustment")
        .get(pk=service.pk)
    )
    return locked, roles


def move(
    service: Service,
    name: str,
    *,
    actor: Any,
    roles: frozenset[str],
    comment: str = "",
    due_days: int | None = None,
) -> Transition:
    """Check the step against the workflow, record it, set the next deadline, audit it."""
    previous = service.state
    t = SERVICE_WORKFLOW.record_step(
        name, service, roles=roles, step_model=ServiceStep, link="service", actor=actor, comment=comment
    )
    service.due_on = deadline_after(timezone.localdate(), due_days).due_on if due_days else None
    if t.target in (ServiceState.COMPLETED, ServiceState.TERMINATED) and previous != t.target:
        service.ended_at = timezone.now()
    service.save()
    audit_record(
        actor=actor,
        action=f"service.{name}",
        obj=service,
        object_repr=service.project.name,
        before={"state": previous},
        after={"state": t.target, "due_on": service.due_on.isoformat() if service.due_on else None},
        summary=_("%(p)s：%(s)s") % {"p": service.project.name, "s": t.label},
    )
    return t


def tell(service: Service, people: list[Any], *, actor: Any, event: str, title: str, body: str = "") -> None:
    """Notify `people` (the actor left out) once for this step of this service."""
    step = service.steps.order_by("-id").first()
    notification_send(
        recipients=[p for p in people if p.pk != actor.pk],
        kind=f"service.{event}",
        event_key=f"service:{service.pk}:{event}:{step.pk if step else 0}",
        title=title,
        body=body,
        url=f"/closure/projects/{service.project_id}/",
    )
