"""The list of services by state: every registered project the user may see, with its current service's
state (服务中 until a step is taken), the deadline of what waits and its light. A fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from liaison.closure.deadline_kinds import CONFIRMATION, RECEIPT, kind_waiting_in
from liaison.closure.models import (
    WAITING_ON_CENTRE,
    WAITING_ON_ENTERPRISE,
    Service,
    ServiceState,
    waiting_on_enterprise_q,
)
from liaison.deadlines.lights import Light, light_context, light_of
from liaison.intake.models import Project
from liaison.intake.people import officer_project_ids
from liaison.intake.selectors.projects import project_visible_to
from liaison.tracking.models import OPEN_STATES, ProjectItem

PAGE = 200
# Filters beside the states: what waits on the centre, and the officer's services ready for completion.
WAITING_FILTER = "waiting_on_centre"
RECEIPT_FILTER = "waiting_on_enterprise"  # completions prepared and terminations with documents to receive
READY_FILTER = "ready"
FILTERS = frozenset({*ServiceState.values, WAITING_FILTER, RECEIPT_FILTER, READY_FILTER})
RUNNING_STEPS = (
    ServiceState.COMPLETION_PREPARED,
    ServiceState.RECEIPT_CONFIRMED,
    ServiceState.TERMINATION_REQUESTED,
)


@dataclass
class ServiceRow:
    project: Project
    state: str
    due_on: Any
    light: str
    handover_pending: bool = False

    @property
    def state_label(self) -> str:
        label = str(ServiceState(self.state).label)
        return f"{label}（{_('待确认资料移交')}）" if self.handover_pending else label


def _annotated(user: Any) -> Any:  # annotated rows: the plugin cannot type them
    latest = Service.objects.filter(project=OuterRef("pk")).order_by("-created_at", "-id")
    return (
        project_visible_to(user)
        .filter(service_number__isnull=False)
        .select_related("enterprise")
        .annotate(
            service_state=Coalesce(Subquery(latest.values("state")[:1]), Value(ServiceState.IN_SERVICE)),
            service_due=Subquery(latest.values("due_on")[:1]),
            service_pending=Coalesce(
                Subquery(latest.values("termination_handover_pending")[:1]), Value(False)
            ),
        )
    )


def _served() -> Any:
    return Service.objects.values("project_id")


def service_counts(user: Any, *, in_service: bool = True) -> dict[str, int]:
    """How many of the user's visible projects are in each state: the projects with a service grouped by
    their latest one's state, and the projects without any (服务中) counted apart, so that the latest
    service is looked up only for the projects that have one (two queries, none probing 100k projects).
    `in_service=False` leaves out the count of projects without a service (the supervision desk reads
    only the states that wait on someone)."""
    counts = dict.fromkeys(ServiceState.values, 0)
    served = _annotated(user).filter(pk__in=_served())
    for row in served.order_by().values("service_state").annotate(n=Count("pk")):
        counts[row["service_state"]] += row["n"]
    if in_service:
        unserved = project_visible_to(user).filter(service_number__isnull=False).exclude(pk__in=_served())
        counts[ServiceState.IN_SERVICE] += unserved.count()
    return counts


def service_list(user: Any, *, state: str = "", q: str = "") -> list[ServiceRow]:
    """The rows of one state (all when empty), most urgent deadline first, then the latest registered,
    at most PAGE. Only a service's current step has a deadline, so the dated rows are found from the
    services with a due date, and the rest are read newest first down the registration index."""
    qs = _annotated(user)
    # `needed`: the states one of a project's services must have to pass the filter (a necessary
    # condition, checked first on the services' (state, due_on) index); None where projects without a
    # service pass too.
    needed: list[str] | None = None
    if state == WAITING_FILTER:
        needed = sorted(WAITING_ON_CENTRE)
        qs = qs.filter(service_state__in=needed)
    elif state == RECEIPT_FILTER:
        needed = sorted({*WAITING_ON_ENTERPRISE, ServiceState.TERMINATED})
        qs = qs.filter(waiting_on_enterprise_q(state="service_state", pending="service_pending"))
    elif state == READY_FILTER:
        qs = qs.filter(pk__in=ready_projects(user).values("pk"))
    elif state:
        needed = None if state == ServiceState.IN_SERVICE else [state]
        qs = qs.filter(service_state=state)
    if needed is not None:
        qs = qs.filter(pk__in=Service.objects.filter(state__in=needed).values("project_id"))
    if q.strip():
        qs = qs.filter(name__icontains=q.strip())
    dated = Service.objects.filter(due_on__isnull=False).values("project_id")
    projects = list(
        qs.filter(pk__in=dated, service_due__isnull=False).order_by("service_due", "-registered_at", "-pk")[
            :PAGE
        ]
    )
    if len(projects) < PAGE:
        undated = qs.filter(service_due__isnull=True).order_by("-registered_at", "-pk")
        projects += list(undated[: PAGE - len(projects)])
    contexts = {kind.code: light_context(kind.code) for kind in (RECEIPT, CONFIRMATION)}
    rows = []
    for project in projects:
        s, due = project.service_state, project.service_due
        kind = kind_waiting_in(s, handover_pending=project.service_pending)
        light = light_of(due, contexts[kind.code]) if kind else Light.NONE
        pending = bool(project.service_pending) and s == ServiceState.TERMINATED
        rows.append(ServiceRow(project, s, due, light, pending))
    return rows


def ready_projects(user: Any) -> Any:
    """The officer's running projects whose items in scope are all finished and whose service has taken no
    step towards its end yet (a queryset: the list page filters by it)."""
    items = ProjectItem.objects.filter(project=OuterRef("pk"))
    busy = Service.objects.filter(project=OuterRef("pk"), state__in=RUNNING_STEPS)
    return Project.objects.filter(
        pk__in=officer_project_ids(user), service_number__isnull=False, service_ended_at__isnull=True
    ).filter(Exists(items), ~Exists(items.filter(state__in=sorted(OPEN_STATES))), ~Exists(busy))
