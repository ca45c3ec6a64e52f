"""Roll-ups for dashboards: the officer's projects, the centre's overview. A fixed number of queries each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Min, Q, Sum, Value, When

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import Stage
from liaison.deadlines.lights import date_whens
from liaison.intake.models import Assignment, Project
from liaison.intake.people import officer_assignments
from liaison.officers.models import Officer, OfficerStatus
from liaison.tracking.lights import (
    RUNNING_STATES,
    SEVERITY,
    Light,
    LightContext,
    LightSummary,
    light_conditions,
    light_context,
    light_counts,
)
from liaison.tracking.models import FINAL_STATES, ProjectItem, ProjectRollup

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
    mine = officer_assignments(user)
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


def _worst_rank(ctx: LightContext, prefix: str = "") -> Case:
    """A project's worst light (index in SEVERITY) from its roll-up: the earliest due date of its running
    items decides between red, yellow and green; NULL when it has no items."""

    def q(**kw: Any) -> Q:
        return Q(**{prefix + k: v for k, v in kw.items()})

    rank = SEVERITY.index
    red, yellow = date_whens(ctx, field="earliest_due", prefix=prefix)[1:]  # the engine's date rule
    return Case(
        When(red[0], then=Value(rank(red[1]))),
        When(yellow[0], then=Value(rank(yellow[1]))),
        When(q(items_undated__gt=0), then=Value(rank(Light.UNKNOWN))),
        When(q(earliest_due__isnull=False), then=Value(rank(ctx.beyond))),
        When(q(items_paused__gt=0), then=Value(rank(Light.PAUSED))),
        When(q(items_total__gt=0), then=Value(rank(Light.NONE))),
        default=None,
        output_field=IntegerField(),
    )


def _by_stage_and_worst_light(ctx: LightContext) -> dict[str, dict[str, int]]:
    """Registered projects counted by their stage in progress and worst light: one grouped query over the
    projects and their roll-ups (a project without a roll-up has no items yet)."""
    groups = (
        Project.objects.filter(registered_at__isnull=False)
        .order_by()
        .values(w=_worst_rank(ctx, "tracking_rollup__"), s=F("tracking_rollup__stage_rank"))
        .annotate(n=Count("pk"))
        .values_list("w", "s", "n")
    )
    out = {stage: dict.fromkeys(SEVERITY, 0) for stage in [*STAGES, UNPLANNED, FINISHED]}
    for worst_rank, stage_rank, n in groups:
        if worst_rank is None:  # no items at all
            out[UNPLANNED][Light.NONE] += n
        else:
            name = STAGES[stage_rank] if stage_rank is not None else FINISHED
            out[name][SEVERITY[worst_rank]] += n
    return out


def _due_soon(ctx: LightContext) -> Any:
    """Running items due by the yellow limit (the (state, due_on) index finds them), with red/yellow counts."""
    return ProjectItem.objects.filter(
        state__in=sorted(RUNNING_STATES), due_on__lte=ctx.yellow_limit
    ).order_by()


def _lights_from_sums(ctx: LightContext, sums: Any, red: int, yellow: int) -> LightSummary:
    """Items by light from summed roll-ups plus the red/yellow counts (the rest of the running items with
    a due date are green, or unknown where the calendar ends before the yellow limit)."""
    total, opened, running, paused, undated = (int(sums.get(k) or 0) for k in ROLLUP_SUMS)
    beyond = running - undated - red - yellow
    return LightSummary(
        {
            Light.RED: red,
            Light.YELLOW: yellow,
            Light.UNKNOWN: undated + (beyond if ctx.beyond == Light.UNKNOWN else 0),
            Light.GREEN: beyond if ctx.beyond == Light.GREEN else 0,
            Light.PAUSED: paused,
            Light.NONE: total - opened,
        }
    )


ROLLUP_SUMS = ("items_total", "items_open", "items_running", "items_paused", "items_undated")


def _item_totals(ctx: LightContext) -> LightSummary:
    """Items by light: the roll-ups summed, and the red and yellow items counted through the index."""
    sums = ProjectRollup.objects.aggregate(**{k: Sum(k) for k in ROLLUP_SUMS})
    soon = _due_soon(ctx).aggregate(
        red=Count("pk", filter=Q(due_on__lt=ctx.today)), yellow=Count("pk", filter=Q(due_on__gte=ctx.today))
    )
    return _lights_from_sums(ctx, sums, soon["red"], soon["yellow"])


def _overdue_by_department(ctx: LightContext) -> list[tuple[str, int]]:
    """Red items per department: counted per catalogue item through the covering index, then summed by
    the items' departments (a few dozen catalogue rows)."""
    red = light_conditions(ctx)[Light.RED]
    per_item = dict(
        ProjectItem.objects.filter(red).order_by().values_list("approval_item_id").annotate(n=Count("pk"))
    )
    departments = dict(ApprovalItem.objects.filter(pk__in=per_item).values_list("pk", "department__name"))
    totals: dict[str, int] = {}
    for item_id, n in per_item.items():
        totals[departments[item_id]] = totals.get(departments[item_id], 0) + n
    return sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))


def _officer_loads(ctx: LightContext) -> list[OfficerLoad]:
    """Active officers with their active projects and those projects' items by light: the roll-ups summed
    per officer, and the red/yellow items (read from the covering index) counted per officer through the
    active assignments. An officer holds at most one active assignment per project, so each item counts
    once per officer."""
    active = Assignment.objects.filter(is_active=True).order_by()
    sums: dict[int, dict[str, Any]] = {
        row["officer_id"]: dict(row)
        for row in active.values("officer_id").annotate(
            n_projects=Count("pk"), **{k: Sum(f"project__tracking_rollup__{k}") for k in ROLLUP_SUMS}
        )
    }
    items_sql, params = _due_soon(ctx).values("project_id", "due_on").query.sql_with_params()
    assignments = Assignment._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.officer_id, SUM(CASE WHEN i.due_on < %s THEN 1 ELSE 0 END), COUNT(*) "  # noqa: S608
            f"FROM ({items_sql}) i JOIN {assignments} a ON a.project_id = i.project_id "
            "WHERE a.is_active GROUP BY a.officer_id",
            (ctx.today, *params),
        )
        soon = {officer_id: (int(red), int(n) - int(red)) for officer_id, red, n in cursor.fetchall()}
    loads = []
    for o in Officer.objects.filter(status=OfficerStatus.ACTIVE).select_related("user"):
        row = sums.get(o.pk, {})
        lights = _lights_from_sums(ctx, row, *soon.get(o.pk, (0, 0)))
        loads.append(OfficerLoad(o, int(row.get("n_projects") or 0), int(row.get("items_open") or 0), lights))
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
