"""Roll-ups for dashboards: the officer's projects, the centre's overview. A fixed number of queries each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, IntegerField, Min, Q, Value, When

from liaison.catalogue.stages import Stage
from liaison.intake.models import Assignment, Project
from liaison.officers.models import Officer, OfficerStatus
from liaison.tracking.lights import (
    SEVERITY,
    Light,
    LightContext,
    LightSummary,
    light_conditions,
    light_context,
    light_counts,
)
from liaison.tracking.models import FINAL_STATES, ProjectItem

STAGES = list(Stage.values)
UNPLANNED = "unplanned"
FINISHED = "finished"


def _open(prefix: str) -> Q:
    return ~Q(**{f"{prefix}state__in": sorted(FINAL_STATES)})


def _stage_in_progress(prefix: str = "tracking_items__") -> Min:
    """The first stage (by Art. 2 order) that still has an open item."""
    rank = Case(
        *(When(**{f"{prefix}stage": stage}, then=Value(n)) for n, stage in enumerate(STAGES)),
        output_field=IntegerField(),
    )
    return Min(rank, filter=_open(prefix))


@dataclass
class ProjectLights:
    project: Project
    lights: LightSummary
    stage: str  # a Stage value, UNPLANNED (no plan items) or FINISHED (nothing open)
    next_due: dt.date | None
    open_items: int
    role: str = ""

    @property
    def worst(self) -> str:
        return self.lights.worst


def _with_rollup(qs: Any, ctx: LightContext) -> Any:
    return qs.annotate(
        **light_counts(ctx, "tracking_items"),
        total_items=Count("tracking_items", distinct=True),
        open_items=Count("tracking_items", filter=_open("tracking_items__"), distinct=True),
        stage_rank=_stage_in_progress(),
        next_due=Min("tracking_items__due_on", filter=_open("tracking_items__")),
    )


def _stage_of(row: Any) -> str:
    if not row.total_items:
        return UNPLANNED
    return STAGES[row.stage_rank] if row.stage_rank is not None else FINISHED


def officer_project_list(*, user: Any, today: dt.date | None = None) -> list[ProjectLights]:
    """The officer's current projects with their items' lights, worst first, then by next due date."""
    ctx = light_context(today)
    mine = Assignment.objects.filter(officer__user=user, is_active=True)
    roles = dict(mine.values_list("project_id", "role"))
    qs = _with_rollup(
        Project.objects.filter(pk__in=mine.values("project_id")).select_related("enterprise"), ctx
    )
    rows = [
        ProjectLights(
            p, LightSummary.from_row(p), _stage_of(p), p.next_due, p.open_items, roles.get(p.pk, "")
        )
        for p in qs
    ]
    return sorted(rows, key=lambda r: (SEVERITY.index(r.worst), r.next_due or dt.date.max, r.project.pk))


@dataclass
class OfficerLoad:
    officer: Officer
    projects: int
    open_items: int
    lights: LightSummary


@dataclass
class CentreOverview:
    today: dt.date
    by_stage: dict[str, dict[str, int]] = field(default_factory=dict)  # stage -> worst light -> projects
    overdue_by_department: list[tuple[str, int]] = field(default_factory=list)
    officers: list[OfficerLoad] = field(default_factory=list)
    items: LightSummary = field(default_factory=LightSummary)
    calendar_problem_year: int | None = None


def centre_overview(*, today: dt.date | None = None) -> CentreOverview:
    """Projects by stage and light, overdue items by department, officers' load (five queries in all)."""
    ctx = light_context(today)
    out = CentreOverview(today=ctx.today, calendar_problem_year=ctx.problem_year)
    out.by_stage = {stage: dict.fromkeys(SEVERITY, 0) for stage in [*STAGES, UNPLANNED, FINISHED]}
    total = LightSummary()
    for row in _with_rollup(Project.objects.filter(registered_at__isnull=False).order_by(), ctx):
        summary = LightSummary.from_row(row)
        total = total + summary
        out.by_stage[_stage_of(row)][summary.worst] += 1
    out.items = total
    red = light_conditions(ctx)[Light.RED]
    out.overdue_by_department = list(
        ProjectItem.objects.filter(red)
        .values_list("approval_item__department__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "approval_item__department__name")
    )
    prefix = "assignments__project__tracking_items"
    active = Q(assignments__is_active=True)
    officers = (
        Officer.objects.filter(status=OfficerStatus.ACTIVE)
        .select_related("user")
        .annotate(
            n_projects=Count("assignments", filter=active, distinct=True),
            n_open=Count(prefix, filter=active & _open(prefix + "__"), distinct=True),
            **{
                name: Count(prefix, filter=active & cond, distinct=True)
                for name, cond in (
                    (f"n_{light}", c) for light, c in light_conditions(ctx, prefix + "__").items()
                )
            },
        )
    )
    out.officers = sorted(
        (OfficerLoad(o, o.n_projects, o.n_open, LightSummary.from_row(o)) for o in officers),
        key=lambda load: (-load.lights.counts.get(Light.RED, 0), -load.open_items, load.officer.number),
    )
    return out
