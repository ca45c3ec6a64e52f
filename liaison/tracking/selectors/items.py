"""Reads of project items: one item, a project's list, the officer's and the guide's to-do lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.intake.people import guide_item_ids, officer_assignments
from liaison.intake.policies import READ_ALL_ROLES
from liaison.tracking.lights import LightContext, light_context, light_rank
from liaison.tracking.models import ProjectItem, ProjectItemState, ProjectItemTransition
from liaison.tracking.policies import actor_scope, can_view_project_item, project_roles
from liaison.tracking.selectors.rows import ItemRow, annotated_items, build_rows

S = ProjectItemState
OFFICER_PENDING_STATES = frozenset({S.PLANNED, S.PREPARING, S.SUPPLEMENT_REQUESTED})
GUIDE_PENDING_STATES = frozenset({S.SUBMITTED, S.ACCEPTED, S.RESUBMITTED})
# Work waits on someone only while the project's service runs: once it has ended (completed or terminated)
# its records are read-only (intake's ensure_service_open), so nothing in it is a to-do.
SERVICE_RUNNING = Q(project__service_ended_at__isnull=True)


def access_project_item(user: Any, item_id: int) -> ProjectItem:
    """The item if the user may see it; missing and forbidden look the same."""
    item = (
        ProjectItem.objects.select_related("project__enterprise", "approval_item__department")
        .filter(pk=item_id)
        .first()
    )
    if item is None or not can_view_project_item(user, item):
        raise NotFound(_("事项不存在或您无权查看。"))
    return item


def project_item_visible_to(user: Any) -> QuerySet[ProjectItem]:
    """Every item the user may see: all for the centre and oversight; own projects; a guide's own items."""
    if not getattr(user, "is_authenticated", False):
        return ProjectItem.objects.none()
    if user.has_role(*READ_ALL_ROLES):
        return ProjectItem.objects.all()
    scope = actor_scope(user)
    condition = Q(pk__in=[])
    if scope.officer_projects:
        condition |= Q(project_id__in=scope.officer_projects)
    if scope.guide_items:
        condition |= Q(approval_item_id__in=scope.guide_items)
    if scope.enterprise_id:
        condition |= Q(project__enterprise_id=scope.enterprise_id)
    return ProjectItem.objects.filter(condition)


def project_item_list(*, user: Any, project: Project, today: dt.date | None = None) -> list[ItemRow]:
    """The project's items in plan order with lights and the user's actions (a guide sees their items only)."""
    ctx = light_context(today)
    scope = actor_scope(user)
    qs = ProjectItem.objects.filter(project=project)
    if not project_roles(user, project, scope):
        qs = qs.filter(approval_item_id__in=scope.guide_items)
    return build_rows(annotated_items(qs, ctx).order_by("order", "pk"), ctx, user=user, scope=scope)


def _most_urgent(qs: QuerySet[Any], ctx: LightContext, prefix: str, limit: int) -> QuerySet[Any]:
    """The ids of the `limit` most urgent items reached through `prefix` (worst light, soonest due, id)."""
    return (
        qs.annotate(rank=light_rank(ctx, prefix))
        .order_by("rank", F(f"{prefix}due_on").asc(nulls_last=True), f"{prefix}pk")
        .values(f"{prefix}pk")[:limit]
    )


def project_item_todo_list(
    *, user: Any, today: dt.date | None = None, limit: int = 200, details: bool = True
) -> list[ItemRow]:
    """The officer's and the guide's 待办: items waiting for them, most urgent first (worst light, then
    soonest due date), at most `limit`; without `details`, rows without guides, materials and actions
    (the dashboard shows none of them).

    The most urgent ids are picked in SQL first (the officer's from their assignments, so the database
    walks their projects rather than every open item); only those rows are then joined with their
    materials, so the cost does not follow the number of open items.
    """
    ctx = light_context(today)
    scope = actor_scope(user)
    condition = Q(pk__in=[])
    if Role.OFFICER in scope.roles and scope.officer_projects:
        mine = officer_assignments(user).filter(
            SERVICE_RUNNING, project__tracking_items__state__in=sorted(OFFICER_PENDING_STATES)
        )
        condition |= Q(pk__in=_most_urgent(mine, ctx, "project__tracking_items__", limit))
    if Role.GUIDE in scope.roles and scope.guide_items:
        theirs = ProjectItem.objects.filter(
            SERVICE_RUNNING, approval_item_id__in=scope.guide_items, state__in=sorted(GUIDE_PENDING_STATES)
        )
        condition |= Q(pk__in=_most_urgent(theirs, ctx, "", limit))
    qs = annotated_items(ProjectItem.objects.filter(condition), ctx, details=details)
    rows = build_rows(qs, ctx, user=user, scope=scope, details=details)
    return sorted(rows, key=lambda r: (r.urgency, r.item.pk))[:limit]


def project_item_todo_condition(user: Any, scope: Any = None) -> Q:
    """Which items wait on `user`: their projects' items the officer must move, the guide's items that
    wait on the department."""
    scope = scope or actor_scope(user)
    condition = Q(pk__in=[])
    if Role.OFFICER in scope.roles and scope.officer_projects:
        condition |= Q(project_id__in=scope.officer_projects, state__in=sorted(OFFICER_PENDING_STATES))
    if Role.GUIDE in scope.roles and scope.guide_items:
        condition |= Q(approval_item_id__in=scope.guide_items, state__in=sorted(GUIDE_PENDING_STATES))
    return condition & SERVICE_RUNNING


def project_items_waiting(user: Any) -> QuerySet[ProjectItem]:
    """The items waiting on `user` (the 待办 entry; the page lists the same rows): the officer's projects
    and the guide's items as subqueries."""
    condition = Q(pk__in=[])
    if user.has_role(Role.OFFICER):
        mine = officer_assignments(user).values("project_id")
        condition |= Q(project_id__in=mine, state__in=sorted(OFFICER_PENDING_STATES))
    if user.has_role(Role.GUIDE):
        theirs = guide_item_ids(user).values("item_id")
        condition |= Q(approval_item_id__in=theirs, state__in=sorted(GUIDE_PENDING_STATES))
    return ProjectItem.objects.filter(condition & SERVICE_RUNNING)


def project_item_history(item: ProjectItem) -> list[ProjectItemTransition]:
    """The item's steps, oldest first, with their actors."""
    return list(item.transitions.select_related("actor").order_by("at", "id"))
