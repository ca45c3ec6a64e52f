"""Item lists with the list pattern: the list behind the overview's figures (every item the reader may see)
and the officer's and guide's 待办, both filtered by light and keyword."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet

from liaison.core.listing import keyword_filter
from liaison.tracking.lights import SEVERITY, LightContext, light_conditions, light_rank, with_light
from liaison.tracking.models import ProjectItem
from liaison.tracking.policies import ActorScope
from liaison.tracking.selectors.items import project_item_todo_condition, project_item_visible_to

ITEM_SEARCH_FIELDS = (
    "project__name",
    "project__service_number",
    "project__enterprise__name",
    "approval_item__code",
    "approval_item__name",
    "approval_item__department__name",
)


def project_item_filtered(
    *, user: Any, ctx: LightContext, light: str = "", q: str = ""
) -> QuerySet[ProjectItem]:
    """The items `user` may see in `light` (any when empty) matching `q`, worst light and soonest due first;
    the light is the overview's own condition, so the list has the rows its figure counts."""
    return _filtered(project_item_visible_to(user), ctx, light, q)


def project_item_todo_filtered(
    *, user: Any, scope: ActorScope, ctx: LightContext, light: str = "", q: str = ""
) -> QuerySet[ProjectItem]:
    """The items waiting on `user` (the rows the 待办 entry counts), filtered and most urgent first."""
    return _filtered(ProjectItem.objects.filter(project_item_todo_condition(user, scope)), ctx, light, q)


def _filtered(qs: QuerySet[ProjectItem], ctx: LightContext, light: str, q: str) -> QuerySet[ProjectItem]:
    if light in SEVERITY:
        qs = qs.filter(light_conditions(ctx)[light])
    qs = keyword_filter(qs, q, ITEM_SEARCH_FIELDS)
    # without the materials counts: the page loads them for its own rows (rows.page_with_details)
    return (
        with_light(qs, ctx)
        .select_related("project__enterprise", "approval_item__department")
        .annotate(rank=light_rank(ctx))
        .order_by("rank", F("due_on").asc(nulls_last=True), "pk")
    )
