"""Roll-ups for dashboards: the officer's projects, the centre's overview. A fixed number of queries each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, Count, IntegerField, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

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
    light_rank,
)
from liaison.tracking.models import FINAL_STATES, ProjectItem

STAGES = list(Stage.values)
UNPLANNED = "unplanned"
FINISHED = "finished"


def _open(prefix: str) -> Q:
    return ~Q(**{f"{prefix}state__in": sorted(FINAL_STATES)})


def _stage_rank(prefix: str) -> Case:
    return Case(
        *(When(**{f"{prefix}stage": stage}, then=Value(n)) for n, stage in enumerate(STAGES)),
        output_field=IntegerField(),
    )


def _stage_in_progress(prefix: str = "tracking_items__") -> Min:
    """The first stage (by Art. 2 order) that still has an open item."""
    return Min(_stage_rank(prefix), filter=_open(prefix))


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


def _by_stage_and_worst_light(ctx: LightContext) -> dict[str, dict[str, int]]:
    """Registered projects counted by their stage in progress and worst light, grouped in SQL.

    The inner query gives each project its worst light (the smallest severity rank of its items; NULL
    without items) and its stage in progress; the outer one groups by that pair, so at most
    (stages + 2) x lights rows come back, whatever the number of projects.
    """
    per_project = (
        Project.objects.filter(registered_at__isnull=False)
        .order_by()
        .values("pk")
        .annotate(
            w=Min(light_rank(ctx, "tracking_items__"), filter=Q(tracking_items__isnull=False)),
            s=_stage_in_progress(),
        )
        .values_list("w", "s")
    )
    sql, params = per_project.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT w, s, COUNT(*) FROM ({sql}) per_project GROUP BY w, s", params)  # noqa: S608
        groups = cursor.fetchall()
    out = {stage: dict.fromkeys(SEVERITY, 0) for stage in [*STAGES, UNPLANNED, FINISHED]}
    for worst_rank, stage_rank, n in groups:
        if worst_rank is None:  # no items at all
            out[UNPLANNED][Light.NONE] += n
        else:
            name = STAGES[stage_rank] if stage_rank is not None else FINISHED
            out[name][SEVERITY[worst_rank]] += n
    return out


def _item_totals(ctx: LightContext) -> LightSummary:
    """Items by light, grouped in SQL. Every project item belongs to a registered project (a plan
    needs an accepted entrustment, and accepting it registers the project)."""
    grouped = ProjectItem.objects.order_by().annotate(rank=light_rank(ctx)).values_list("rank")
    totals = dict.fromkeys(SEVERITY, 0)
    for rank, n in grouped.annotate(n=Count("pk")):
        totals[SEVERITY[rank]] += n
    return LightSummary(totals)


def _overdue_by_department(ctx: LightContext) -> list[tuple[str, int]]:
    red = light_conditions(ctx)[Light.RED]
    return list(
        ProjectItem.objects.filter(red)
        .values_list("approval_item__department__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "approval_item__department__name")
    )


def _officer_loads(ctx: LightContext) -> list[OfficerLoad]:
    """Active officers with their active projects and those projects' items by light: the items are
    grouped by (officer, light) in SQL. An officer holds at most one active assignment per project,
    so each item is counted once per officer."""
    projects = (
        Assignment.objects.filter(officer=OuterRef("pk"), is_active=True)
        .order_by()
        .values("officer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    officers = list(
        Officer.objects.filter(status=OfficerStatus.ACTIVE)
        .select_related("user")
        .annotate(n_projects=Coalesce(Subquery(projects), 0))
    )
    by_officer: dict[int, dict[str, int]] = {o.pk: {} for o in officers}
    grouped = (
        Assignment.objects.filter(is_active=True, officer__status=OfficerStatus.ACTIVE)
        .filter(project__tracking_items__isnull=False)
        .order_by()
        .annotate(rank=light_rank(ctx, "project__tracking_items__"))
        .values_list("officer_id", "rank")
        .annotate(n=Count("project__tracking_items"))
    )
    for officer_id, rank, n in grouped:
        if officer_id in by_officer:
            by_officer[officer_id][SEVERITY[rank]] = n
    loads = []
    for o in officers:
        counts = by_officer[o.pk]
        lights = LightSummary({light: counts.get(light, 0) for light in SEVERITY})
        open_items = sum(n for light, n in lights.counts.items() if light != Light.NONE)
        loads.append(OfficerLoad(o, o.n_projects, open_items, lights))
    return sorted(
        loads,
        key=lambda load: (-load.lights.counts.get(Light.RED, 0), -load.open_items, load.officer.number),
    )


def centre_overview(*, today: dt.date | None = None) -> CentreOverview:
    """Projects by stage and light, overdue items by department, officers' load: a fixed number of
    queries, each returning grouped figures rather than one row per project."""
    ctx = light_context(today)
    out = CentreOverview(today=ctx.today, calendar_problem_year=ctx.problem_year)
    out.by_stage = _by_stage_and_worst_light(ctx)
    out.items = _item_totals(ctx)
    out.overdue_by_department = _overdue_by_department(ctx)
    out.officers = _officer_loads(ctx)
    return out
