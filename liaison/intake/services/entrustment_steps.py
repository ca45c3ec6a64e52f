"""Shared steps of the entrustment services: lock, move through the workflow, notify."""

from __future__ import annotations

from typing import Any

from liaison.directory.models import User
from liaison.intake.messages import render_message
from liaison.intake.models import Entrustment, EntrustmentTransition
from liaison.intake.workflows import ENTRUSTMENT_WORKFLOW
from liaison.notifications.services.notify import notification_send


def notify_step(entrustment: Entrustment, kind: str, recipients: list[User], **values: Any) -> None:
    """Tell `recipients` of this step once: the key carries the request's version, so a retry adds nothing."""
    project = entrustment.project
    title, body = render_message(
        kind,
        project=project.name,
        enterprise=project.enterprise.name,
        scope=entrustment.get_scope_display(),
        number=project.service_number or "",
        **values,
    )
    notification_send(
        recipients=recipients,
        kind=kind,
        event_key=f"{kind}:{entrustment.pk}:v{entrustment.version}",
        title=title,
        body=body,
        url=f"/intake/requests/{entrustment.pk}/",
    )


def lock_entrustment(entrustment: Entrustment) -> Entrustment:
    """The request re-read under a row lock: concurrent steps on it queue up and see each other's result."""
    return (
        Entrustment.objects.select_for_update(of=("self",))
        .select_related("project__enterprise")
        .get(pk=entrustment.pk)
    )


def last_actor_name(entrustment: Entrustment) -> str:
    """Who made the request's latest step (to tell a reviewer who lost a race who won it)."""
    step = entrustment.transitions.select_related("actor").order_by("-at", "-id").first()
    return step.actor.display_name if step else ""


def move_entrustment(locked: Entrustment, name: str, *, actor: Any, comment: str = "") -> str:
    """Check the workflow, set the new state, record the step; returns the previous state."""
    ENTRUSTMENT_WORKFLOW.check(name, state=locked.status, roles=actor.role_set)
    previous = locked.status
    locked.status = ENTRUSTMENT_WORKFLOW.transition(name).target
    locked.version += 1
    EntrustmentTransition.objects.create(
        entrustment=locked, from_status=previous, to_status=locked.status, actor=actor, comment=comment
    )
    return previous
