"""Roll-ups for dashboards: the officer's projects, the centre's overview. A fixed number of queries each.

The centre overview reads the tallies kept beside the roll-ups (`liaison.tracking.models.tally`): a few
hundred to a few thousand small rows whatever the number of projects, judged against today's thresholds
here. `selectors.overview_scan.centre_overview_scan` computes the same figures from every roll-up and
item; the tests and `manage.py rollups_check` hold the two equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Min, Q, Sum, Value, When

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import Stage
from liaison.deadlines.lights import date_whens
from liaison.intake.models import Project
from liaison.intake.people import officer_assignments
from liaison.tracking.lights import (
    SEVERITY,
    Light,
    LightContext,
    LightSummary,
    light_context,
    light_counts,
)
from liaison.tracking.models import (
    FINAL_STATES,
    CentreCount,
    DueTally,
    RollupShapeTally,
)
from liaison.tracking.models.tally import REGISTERED_PROJECTS
from liaison.tracking.selectors.officer_loads import OfficerLoad, officer_loads
from liaison.tracking.selectors.tally_reads import ROLLUP_SUMS, lights_from_sums, soon_counts

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
class CentreOverview:
    today: dt.date
    by_stage: dict[str, dict[str, int]] = field(default_factory=dict)  # stage -> worst light -> projects
    overdue_by_department: list[tuple[str, int]] = field(default_factory=list)
    officers: Sequence[OfficerLoad] = field(default_factory=list)
    officers_total: int = 0  # active officers, whether or not all are in `officers`
    items: LightSummary = field(default_factory=LightSummary)
    calendar_problem_year: int | None = None


def project_worst_rank(ctx: LightContext, prefix: str = "") -> Case:
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


def stage_table() -> dict[str, dict[str, int]]:
    return {stage: dict.fromkeys(SEVERITY, 0) for stage in [*STAGES, UNPLANNED, FINISHED]}


def _by_stage_and_worst_light(ctx: LightContext) -> dict[str, dict[str, int]]:
    """Projects with items counted by stage in progress and worst light, from the shapes' tally (the
    worst light follows from a shape and today's thresholds). Registered projects without items are
    the rest: the registered projects (counted as intake registers them; a project gets items only after
    its registration) less those."""
    groups = (
        RollupShapeTally.objects.filter(n_projects__gt=0)
        .order_by()
        .values(w=project_worst_rank(ctx), s=F("stage_rank"))
        .annotate(n=Sum("n_projects"))
        .values_list("w", "s", "n")
    )
    out = stage_table()
    planned = 0
    for worst_rank, stage_rank, n in groups:
        name = STAGES[stage_rank] if stage_rank is not None else FINISHED
        out[name][SEVERITY[worst_rank]] += n
        planned += n
    registered = CentreCount.objects.filter(name=REGISTERED_PROJECTS).values_list("n", flat=True).first() or 0
    out[UNPLANNED][Light.NONE] = registered - planned
    return out


def items_and_overdue_departments(ctx: LightContext) -> tuple[LightSummary, list[tuple[int, str, int]]]:
    """Items by light (the shapes' sums plus the red/yellow items of the due tally) and red items per
    department as (department id, name, count), most first (the due tally per catalogue item, summed by
    the items' departments)."""
    sums = RollupShapeTally.objects.aggregate(**{k: Sum(k) for k in ROLLUP_SUMS})
    per_item = soon_counts(DueTally.objects, ctx, "approval_item_id")
    red = sum(r for r, _y in per_item.values())
    items = lights_from_sums(ctx, sums, red, sum(y for _r, y in per_item.values()))
    overdue = {pk: r for pk, (r, _y) in per_item.items() if r}
    departments = {
        pk: (dept, name)
        for pk, dept, name in ApprovalItem.objects.filter(pk__in=overdue).values_list(
            "pk", "department_id", "department__name"
        )
    }
    totals: dict[tuple[int, str], int] = {}
    for item_id, n in overdue.items():
        totals[departments[item_id]] = totals.get(departments[item_id], 0) + n
    return items, sorted(
        ((dept, name, n) for (dept, name), n in totals.items()), key=lambda row: (-row[2], row[1])
    )


def centre_overview(
    *, today: dt.date | None = None, officers_limit: int | None = None, officers_lazy: bool = False
) -> CentreOverview:
    """Projects by stage and light, overdue items by department, officers' load (the busiest
    `officers_limit`, all when None; `officers_total` counts them all; `officers_lazy`: all, each page's
    officers read only when a paginator slices them): a fixed number of queries over
    the tallies, none of which reads a row per project or per item."""
    ctx = light_context(today)
    out = CentreOverview(today=ctx.today, calendar_problem_year=ctx.problem_year)
    out.by_stage = _by_stage_and_worst_light(ctx)
    out.items, departments = items_and_overdue_departments(ctx)
    out.overdue_by_department = [(name, n) for _dept, name, n in departments]
    out.officers, out.officers_total = officer_loads(ctx, limit=officers_limit, lazy=officers_lazy)
    return out
