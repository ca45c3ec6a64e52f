"""Reads of a project's service: its state, the next step's deadline and light, the steps the user may
take, the handover list, the register's entries still held and the history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from liaison.closure.deadline_kinds import kind_waiting_in
from liaison.closure.models import CustodyEntry, CustodyState, HandoverLine, Service, ServiceStep
from liaison.closure.policies import service_roles
from liaison.closure.services.common import current_service, pending_termination_handover
from liaison.closure.workflows import SERVICE_WORKFLOW
from liaison.core.errors import NotFound
from liaison.core.workflow import Transition
from liaison.deadlines.lights import Light, light_context, light_of
from liaison.intake.models import Project
from liaison.tracking.models import OPEN_STATES, ProjectItem


@dataclass
class ServicePanel:
    project: Project
    service: Service
    roles: frozenset[str]
    actions: list[Transition]
    lines: list[HandoverLine]
    steps: list[ServiceStep]
    open_items: list[ProjectItem] = field(default_factory=list)
    approved_items: list[ProjectItem] = field(default_factory=list)
    custody: list[CustodyEntry] = field(default_factory=list)  # the register's entries not handed over
    light: str = Light.NONE
    # Art. 16 after 续办: an earlier, terminated service whose documents still wait on the enterprise's receipt.
    earlier_pending: Service | None = None
    earlier_lines: list[HandoverLine] = field(default_factory=list)
    earlier_actions: list[Transition] = field(default_factory=list)

    @property
    def action_names(self) -> set[str]:
        return {t.name for t in self.actions}

    @property
    def earlier_action_names(self) -> set[str]:
        return {t.name for t in self.earlier_actions}

    @property
    def ended(self) -> bool:
        return self.project.service_ended_at is not None


def access_service(user: Any, project_id: int) -> ServicePanel:
    """The service page of a project `user` may see (404 alike for missing and forbidden)."""
    project = Project.objects.select_related("enterprise").filter(pk=project_id).first()
    roles = service_roles(user, project) if project else frozenset()
    service = current_service(project) if project and roles else None
    if project is None or service is None:
        raise NotFound(_("项目不存在或您无权查看。"))
    items = list(
        ProjectItem.objects.filter(project=project)
        .select_related("approval_item__department")
        .order_by("order", "pk")
    )
    kind = kind_waiting_in(service.state, handover_pending=service.termination_handover_pending)
    earlier = pending_termination_handover(project)
    if earlier is not None and earlier.pk == service.pk:
        earlier = None
    return ServicePanel(
        project=project,
        service=service,
        roles=roles,
        actions=SERVICE_WORKFLOW.available(service.state, roles, subject=service),
        lines=list(service.handover_lines.all()),
        steps=list(service.steps.select_related("actor")),
        open_items=[i for i in items if i.state in OPEN_STATES],
        approved_items=[i for i in items if i.state == "approved"],
        custody=list(
            CustodyEntry.objects.filter(project=project)
            .exclude(state=CustodyState.HANDED_OVER)
            .order_by("created_at", "pk")
        ),
        light=light_of(service.due_on, light_context(kind.code)) if kind else Light.NONE,
        earlier_pending=earlier,
        earlier_lines=list(earlier.handover_lines.all()) if earlier else [],
        earlier_actions=SERVICE_WORKFLOW.available(earlier.state, roles, subject=earlier) if earlier else [],
    )
