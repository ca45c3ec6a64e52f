"""The list of services by state: every registered project the user may see, with its current service's
state (服务中 until a step is taken), the deadline of what waits and its light. A fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from liaison.closure.deadline_kinds import CONFIRMATION, RECEIPT, kind_waiting_in
from liaison.closure.models import Service, ServiceState
from liaison.deadlines.lights import Light, light_context, light_of
from liaison.intake.models import Project
from liaison.intake.selectors.projects import project_visible_to

PAGE = 200


@dataclass
class ServiceRow:
    project: Project
    state: str
    due_on: Any
    light: str

    @property
    def state_label(self) -> str:
        return str(ServiceState(self.state).label)


def _annotated(user: Any) -> Any:  # annotated rows: the plugin cannot type them
    latest = Service.objects.filter(project=OuterRef("pk")).order_by("-created_at", "-id")
    return (
        project_visible_to(user)
        .filter(service_number__isnull=False)
        .select_related("enterprise")
        .annotate(
            service_state=Coalesce(Subquery(latest.values("state")[:1]), Value(ServiceState.IN_SERVICE)),
            service_due=Subquery(latest.values("due_on")[:1]),
        )
    )


def service_counts(user: Any) -> dict[str, int]:
    """How many of the user's visible projects are in each state."""
    counts = dict.fromkeys(ServiceState.values, 0)
    for row in _annotated(user).order_by().values("service_state").annotate(n=Count("pk")):
        counts[row["service_state"]] = row["n"]
    return counts


def service_list(user: Any, *, state: str = "", q: str = "") -> list[ServiceRow]:
    """The rows of one state (all when empty), most urgent deadline first, at most PAGE."""
    qs = _annotated(user)
    if state:
        qs = qs.filter(service_state=state)
    if q.strip():
        qs = qs.filter(name__icontains=q.strip())
    contexts = {kind.code: light_context(kind.code) for kind in (RECEIPT, CONFIRMATION)}
    rows = []
    for project in qs.order_by(F("service_due").asc(nulls_last=True), "-registered_at", "-pk")[:PAGE]:
        s, due = project.service_state, project.service_due
        kind = kind_waiting_in(s)
        rows.append(ServiceRow(project, s, due, light_of(due, contexts[kind.code]) if kind else Light.NONE))
    return rows
