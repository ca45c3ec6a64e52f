"""Reads for the dashboard: a handful of counts, the centre's overview, the user's 待办 (constant query count)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem, GuideAssignment
from liaison.catalogue.stages import Stage
from liaison.directory.models import Department
from liaison.directory.roles import Role
from liaison.directory.todos import TodoEntry, todo_badges, todos_for
from liaison.officers.models import Officer, OfficerStatus
from liaison.tracking.lights import LIGHT_LABELS, SEVERITY, Light
from liaison.tracking.selectors.dashboards import FINISHED, UNPLANNED, CentreOverview, centre_overview
from liaison.tracking.selectors.items import project_item_todo_list
from liaison.tracking.selectors.obligations import obligation_rows
from liaison.web.admin_summary import admin_figures
from liaison.workcal.calendar import next_year_warning


def user_todos(user: Any) -> list[TodoEntry]:
    """Every 待办 entry of `user`'s roles (empty ones included), counted once per request: the dashboard's
    card and the sidebar's badges read this same list, so their figures cannot disagree."""
    cached: list[TodoEntry] | None = getattr(user, _PENDING_WORK_ATTR, None)
    if cached is None:
        cached = todos_for(user, include_empty=True)
        setattr(user, _PENDING_WORK_ATTR, cached)
    return cached


_PENDING_WORK_ATTR = "_liaison_todos"


def nav_badges(*, user: Any) -> dict[str, int]:
    """To-do counts shown beside sidebar entries, keyed by URL name (from the 待办 registry)."""
    return {name: n for name, n in todo_badges(user_todos(user)).items() if n}


# The catalogue's size matters to those who run or oversee it, not to those who use it.
CATALOGUE_STAT_ROLES = (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR, Role.DEPARTMENT_ADMIN)


def catalogue_stats(officer_count: int | None = None) -> dict[str, int]:
    """Active departments, items, guides in post and officers in post (`officer_count` when the caller
    has just counted them, e.g. the overview)."""
    if officer_count is None:
        officer_count = Officer.objects.filter(status=OfficerStatus.ACTIVE).count()
    return {
        "department_count": Department.objects.filter(is_active=True).count(),
        "item_count": ApprovalItem.objects.filter(is_active=True).count(),
        "guide_count": GuideAssignment.objects.filter(is_active=True).values("guide").distinct().count(),
        "officer_count": officer_count,
    }


def dashboard_summary(*, user: Any) -> dict[str, Any]:
    """The figures and to-dos the user's roles call for."""
    summary: dict[str, Any] = {"todos": user_todos(user), "admin_figures": admin_figures(user=user)}
    overview = (
        centre_overview(officers_limit=OFFICERS_ON_DASHBOARD) if user.has_role(*OVERVIEW_ROLES) else None
    )
    if user.has_role(*CATALOGUE_STAT_ROLES):
        summary["stats"] = catalogue_stats(overview.officers_total if overview else None)
    if user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER):
        summary["missing_calendar_year"] = next_year_warning(timezone.localdate())
    if user.has_role(Role.GUIDE):
        summary["my_items"] = list(
            ApprovalItem.objects.filter(guide_assignments__guide=user, guide_assignments__is_active=True)
            .select_related("department")
            .order_by("code")
        )
    if overview is not None:
        summary["overview"] = overview
        summary["overview_tables"] = overview_tables(overview)
    if user.has_role(Role.OFFICER, Role.GUIDE):
        summary["todo"] = project_item_todo_list(user=user, limit=PENDING_LIST_LIMIT, details=False)
        summary["todo_limit"] = PENDING_LIST_LIMIT
    if user.has_role(Role.APPLICANT):
        # The enterprise's dated to-dos (Art. 9), soonest first, with a light and the button to tick them off.
        summary["obligations"] = obligation_rows(user=user, open_only=True, limit=PENDING_LIST_LIMIT)
    return summary


OVERVIEW_ROLES = (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR)
PENDING_LIST_LIMIT = 50
# The lights a chart shows, in severity order (paused, unknown and no-deadline are folded into the tables).
CHART_LIGHTS = (Light.RED, Light.YELLOW, Light.UNKNOWN, Light.GREEN, Light.PAUSED, Light.NONE)
OFFICERS_IN_CHART = 20
# The dashboard lists the busiest officers only; the overview page (`tracking:overview`) pages through all.
OFFICERS_ON_DASHBOARD = 20


def _stage_label(stage: str) -> str:
    if stage == UNPLANNED:
        return _("未编制方案")
    if stage == FINISHED:
        return _("事项均已结束")
    return str(Stage(stage).label)


def overview_tables(overview: CentreOverview) -> dict[str, Any]:
    """The overview's figures as plain lists and labels: rendered as tables and passed to the charts."""
    lights = [{"key": light, "label": str(LIGHT_LABELS[light])} for light in CHART_LIGHTS]
    stages: list[dict[str, Any]] = [
        {
            "label": _stage_label(stage),
            "counts": [counts.get(light, 0) for light in CHART_LIGHTS],
            "total": sum(counts.values()),
        }
        for stage, counts in overview.by_stage.items()
    ]
    officers: list[dict[str, Any]] = [
        {
            "name": load.officer.user.full_name or load.officer.user.username,
            "number": load.officer.number,
            "projects": load.projects,
            "open_items": load.open_items,
            "red": load.lights.counts.get(Light.RED, 0),
            "yellow": load.lights.counts.get(Light.YELLOW, 0),
        }
        for load in overview.officers[:OFFICERS_ON_DASHBOARD]
    ]
    return {
        "officers_total": overview.officers_total,
        "lights": lights,
        "stages": stages,
        "departments": overview_departments(overview),
        "officers": officers,
        "item_lights": [
            {"key": light, "label": str(LIGHT_LABELS[light]), "count": overview.items.counts.get(light, 0)}
            for light in SEVERITY
        ],
        "chart": {
            "lights": [row["label"] for row in lights],
            "light_keys": list(CHART_LIGHTS),
            "stages": [row["label"] for row in stages],
            "stage_series": [[row["counts"][i] for row in stages] for i in range(len(CHART_LIGHTS))],
            "departments": [name or _("未指定部门") for name, _n in overview.overdue_by_department],
            "department_overdue": [n for _name, n in overview.overdue_by_department],
            "officers": [row["name"] for row in officers[:OFFICERS_IN_CHART]],
            "officer_projects": [row["projects"] for row in officers[:OFFICERS_IN_CHART]],
            "officer_open": [row["open_items"] for row in officers[:OFFICERS_IN_CHART]],
            "officer_red": [row["red"] for row in officers[:OFFICERS_IN_CHART]],
            "labels": {
                "projects": _("项目数"),
                "open_items": _("在办事项"),
                "overdue": _("超期事项"),
            },
        },
    }


def overview_departments(overview: CentreOverview) -> list[dict[str, Any]]:
    return [{"name": name or _("未指定部门"), "overdue": n} for name, n in overview.overdue_by_department]
