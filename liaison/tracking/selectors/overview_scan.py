"""The centre overview computed from every project's roll-up and every running item: the oracle the
tally-based `dashboards.centre_overview` is held equal to (tests, `manage.py rollups_check`). It scans
rows in proportion to the projects, so pages do not use it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.db.models import Count, F, Q, Sum

from liaison.catalogue.models import ApprovalItem
from liaison.intake.models import Assignment, Project
from liaison.tracking.lights import (
    RUNNING_STATES,
    SEVERITY,
    Light,
    LightContext,
    LightSummary,
    light_conditions,
    light_context,
)
from liaison.tracking.models import ProjectItem, ProjectRollup
from liaison.tracking.selectors.dashboards import (
    FINISHED,
    STAGES,
    UNPLANNED,
    CentreOverview,
    project_worst_rank,
)
from liaison.tracking.selectors.officer_loads import OfficerLoad, officer_loads_from
from liaison.tracking.selectors.tally_reads import ROLLUP_SUMS, lights_from_sums


def _by_stage_and_worst_light(ctx: LightContext) -> dict[str, dict[str, int]]:
    """Registered projects counted by their stage in progress and worst light: one grouped query over the
    projects and their roll-ups (a project without a roll-up has no items yet)."""
    groups = (
        Project.objects.filter(registered_at__isnull=False)
        .order_by()
        .values(w=project_worst_rank(ctx, "tracking_rollup__"), s=F("tracking_rollup__stage_rank"))
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


def _item_totals(ctx: LightContext) -> LightSummary:
    """Items by light: the roll-ups summed, and the red and yellow items counted through the index."""
    sums = ProjectRollup.objects.aggregate(**{k: Sum(k) for k in ROLLUP_SUMS})
    soon = _due_soon(ctx).aggregate(
        red=Count("pk", filter=Q(due_on__lt=ctx.today)), yellow=Count("pk", filter=Q(due_on__gte=ctx.today))
    )
    return lights_from_sums(ctx, sums, soon["red"], soon["yellow"])


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


def _officer_loads(ctx: LightContext) -> tuple[list[OfficerLoad], int]:
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
    return officer_loads_from(ctx, sums, soon)


def centre_overview_scan(*, today: dt.date | None = None) -> CentreOverview:
    """The same figures as `centre_overview`, read from the roll-ups and the items themselves."""
    ctx = light_context(today)
    out = CentreOverview(today=ctx.today, calendar_problem_year=ctx.problem_year)
    out.by_stage = _by_stage_and_worst_light(ctx)
    out.items = _item_totals(ctx)
    out.overdue_by_department = _overdue_by_department(ctx)
    out.officers, out.officers_total = _officer_loads(ctx)
    return out
