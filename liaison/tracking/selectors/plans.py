"""Reads of the service plan: the plan by stage (table and Gantt data), its versions and their differences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.stages import STAGE_ORDER, Stage
from liaison.core.errors import NotFound
from liaison.intake.models import Project
from liaison.tracking.lights import LightSummary, light_context
from liaison.tracking.models import COUNTED_STATES, PlanDateProposal, PlanVersion, ProjectItem, ServicePlan
from liaison.tracking.policies import actor_scope, can_view_plan, project_roles
from liaison.tracking.selectors.rows import ItemRow, annotated_items, build_rows
from liaison.tracking.snapshot import SnapshotDiff, plan_snapshot, snapshot_diff


@dataclass
class StageRow:
    stage: str
    label: str
    items: list[ItemRow]
    planned_end: dt.date | None  # latest planned due date (None if one is unknown)
    projected_end: dt.date | None  # latest of actual decision, legal due, planned due
    lights: LightSummary


@dataclass
class PlanView:
    project: Project
    plan: ServicePlan | None
    stages: list[StageRow] = field(default_factory=list)
    links: list[tuple[int, int]] = field(
        default_factory=list
    )  # (item pk, prerequisite pk) for the Gantt chart
    today: dt.date | None = None
    planned_end: dt.date | None = None
    projected_end: dt.date | None = None
    lights: LightSummary = field(default_factory=LightSummary)
    partial: bool = False  # True for a guide: only the items they guide are shown
    can_edit: bool = False
    calendar_problem: str = ""


@dataclass(frozen=True)
class PlanPeriod:
    start: dt.date
    end: dt.date | None  # the latest planned due date of the items counted; None while one is unknown
    version: int  # the confirmed version (0 while the plan is a draft)


def plan_period(*, project: Project) -> PlanPeriod | None:
    """The planned service period: the plan's start to its items' latest planned due date; None without a plan."""
    plan = ServicePlan.objects.filter(project=project).only("start_date", "current_version").first()
    if plan is None:
        return None
    dues = ProjectItem.objects.filter(project=project, state__in=COUNTED_STATES).values_list(
        "planned_due", flat=True
    )
    return PlanPeriod(start=plan.start_date, end=_latest(list(dues)), version=plan.current_version)


def plan_get(*, project: Project) -> ServicePlan | None:
    """The project's plan, or None while it is not drafted."""
    return ServicePlan.objects.filter(project=project).select_related("drafted_by").first()


def access_plan_project(user: Any, project_id: int) -> Project:
    """The project whose plan the user may see (a guide of one of its items included); else NotFound."""
    project = Project.objects.select_related("enterprise").filter(pk=project_id).first()
    if project is None or not can_view_plan(user, project):
        raise NotFound(_("项目不存在或您无权查看。"))
    return project


def _latest(dates: list[dt.date | None]) -> dt.date | None:
    return None if (not dates or None in dates) else max(d for d in dates if d)


def _projected(item: ProjectItem) -> dt.date | None:
    return item.decided_on or item.ended_on or item.due_on or item.clock_due or item.planned_due


def plan_view(*, user: Any, project: Project, today: dt.date | None = None) -> PlanView:
    """The plan by stage with lights and roll-ups, prerequisite links and the user's actions."""
    ctx = light_context(today)
    scope = actor_scope(user)
    full = bool(project_roles(user, project, scope))
    view = PlanView(project=project, plan=plan_get(project=project), today=ctx.today, partial=not full)
    if view.plan is None:
        return view
    view.can_edit = bool(project_roles(user, project, scope) & {"officer", "center_admin"})
    qs = ProjectItem.objects.filter(project=project)
    if not full:
        qs = qs.filter(approval_item_id__in=scope.guide_items)
    rows = build_rows(annotated_items(qs, ctx).order_by("order", "pk"), ctx, user=user, scope=scope)
    shown = {r.item.pk for r in rows}
    through = ProjectItem.prerequisites.through
    view.links = [
        (a, b)
        for a, b in through.objects.filter(from_projectitem_id__in=shown).values_list(
            "from_projectitem_id", "to_projectitem_id"
        )
        if b in shown
    ]
    for stage in Stage:
        members = [r for r in rows if r.item.stage == stage.value]
        if not members:
            continue
        counted = [r.item for r in members if r.item.state in COUNTED_STATES]
        summary = LightSummary(
            {light: sum(1 for r in members if r.light == light) for light in {r.light for r in members}}
        )
        view.stages.append(
            StageRow(
                stage=stage.value,
                label=str(stage.label),
                items=members,
                planned_end=_latest([i.planned_due for i in counted]),
                projected_end=_latest([_projected(i) for i in counted]),
                lights=summary,
            )
        )
        view.lights = view.lights + summary
    view.planned_end = _latest([s.planned_end for s in view.stages])
    view.projected_end = _latest([s.projected_end for s in view.stages])
    view.calendar_problem = next((r.calendar_problem for r in rows if r.calendar_problem), "")
    return view


def plan_version_list(*, plan: ServicePlan) -> QuerySet[PlanVersion]:
    """The confirmed versions, newest first, with who confirmed them."""
    return plan.versions.select_related("created_by").order_by("-number")


def plan_current_snapshot(*, plan: ServicePlan) -> dict[str, Any]:
    """The plan as it stands now, in the shape of a version snapshot."""
    items = list(ProjectItem.objects.filter(project_id=plan.project_id).select_related("approval_item"))
    return plan_snapshot(plan.start_date, items)


def plan_version_diff(*, plan: ServicePlan, old: int, new: int | None = None) -> SnapshotDiff:
    """What changed from version `old` to version `new` (None: to the plan as it stands now)."""
    wanted = [old] if new is None else [old, new]
    found = {v.number: v.snapshot for v in plan.versions.filter(number__in=wanted)}
    if any(n not in found for n in wanted):
        raise NotFound(_("方案版本不存在。"))
    after = plan_current_snapshot(plan=plan) if new is None else found[new]
    return snapshot_diff(found[old], after)


def plan_proposal_list(*, project: Project, open_only: bool = False) -> QuerySet[PlanDateProposal]:
    """Guides' date proposals of the project's items, newest first."""
    qs = PlanDateProposal.objects.filter(project_item__project=project).select_related(
        "project_item__approval_item", "proposed_by", "decided_by"
    )
    return qs.filter(status="proposed") if open_only else qs


def addable_item_choices(project: Project) -> list[tuple[str, list[tuple[int, str]]]]:
    """Active catalogue items not yet in the project's plan, grouped by stage (for a select's optgroups)."""
    taken = ProjectItem.objects.filter(project=project).values("approval_item_id")
    items = ApprovalItem.objects.filter(is_active=True).exclude(pk__in=taken).select_related("department")
    groups: dict[str, list[tuple[int, str]]] = {str(s.label): [] for s in Stage}
    for item in sorted(items, key=lambda i: (STAGE_ORDER.get(i.stage, 99), i.code)):
        groups[str(Stage(item.stage).label)].append(
            (item.pk, f"{item.code} {item.name}（{item.department.name}）")
        )
    return [(label, options) for label, options in groups.items() if options]
