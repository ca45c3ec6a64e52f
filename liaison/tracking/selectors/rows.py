"""Project items as list pages show them: light, remaining working days, guide, materials, actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from liaison.catalogue.models import GuideAssignment
from liaison.core.workflow import Transition
from liaison.deadlines.calendar_policy import calendar_problem, working_days_or_none
from liaison.tracking.clock import LoadedCalendar
from liaison.tracking.lights import LIGHT_LABELS, SEVERITY, Light, LightContext, with_light
from liaison.tracking.models import MaterialStatus, PlanDateProposal, ProjectItem, ProjectItemState
from liaison.tracking.policies import ActorScope, allowed_transitions


@dataclass
class ItemRow:
    item: ProjectItem
    light: str
    remaining_days: int | None  # working days left (negative: overdue; frozen while paused)
    calendar_problem: str = ""
    guide_name: str = ""
    materials_total: int = 0
    materials_ready: int = 0
    materials_flawed: int = 0
    open_proposal: bool = False
    actions: list[Transition] = field(default_factory=list)

    @property
    def light_label(self) -> str:
        return str(LIGHT_LABELS[self.light])

    @property
    def urgency(self) -> tuple[int, dt.date]:
        return SEVERITY.index(self.light), self.item.due_on or dt.date.max


# What a brief row reads: its light, remaining days and the names of its project, enterprise, item and department.
BRIEF_FIELDS = (
    "state",
    "due_on",
    "accepted_on",
    "paused_since",
    "limit_days",
    "paused_days",
    "calendar_problem_year",
    "project__name",
    "project__enterprise__name",
    "approval_item__name",
    "approval_item__department__name",
)


def annotated_items(
    qs: QuerySet[ProjectItem], ctx: LightContext, *, details: bool = True
) -> QuerySet[ProjectItem]:
    """Items with their light, materials counts and whether a date proposal is open (one query); without
    `details`, the light alone (for lists that show neither materials nor proposals)."""
    light = with_light(qs, ctx).select_related("project__enterprise", "approval_item__department")
    if not details:
        # the short list (dashboard) shows names only: the wide project and enterprise rows are not loaded
        return light.only(*BRIEF_FIELDS)
    return with_item_details(light)


def with_item_details(qs: QuerySet[ProjectItem]) -> QuerySet[ProjectItem]:
    """The materials counts and the open date proposal of each item (grouped: keep it off large sets)."""
    ready = Q(materials__status__in=[MaterialStatus.PROVIDED, MaterialStatus.ACCEPTED])
    return qs.annotate(
        materials_total=Count("materials", distinct=True),
        materials_ready=Count("materials", filter=ready, distinct=True),
        materials_flawed=Count(
            "materials", filter=Q(materials__status=MaterialStatus.NEEDS_REVISION), distinct=True
        ),
        open_proposal=Exists(PlanDateProposal.objects.filter(project_item=OuterRef("pk"), status="proposed")),
    )


def page_with_details(page: Iterable[ProjectItem], ctx: LightContext) -> list[ProjectItem]:
    """A page picked from a list without details, now loaded with them, in the page's order: the
    grouping runs over the page's rows only, not over every row the list (and its count) matched."""
    ids = [item.pk for item in page]
    loaded = {item.pk: item for item in annotated_items(ProjectItem.objects.filter(pk__in=ids), ctx)}
    return [loaded[pk] for pk in ids if pk in loaded]


def _window(items: list[ProjectItem], today: dt.date) -> tuple[dt.date, dt.date]:
    days = [today]
    for i in items:
        days += [d for d in (i.due_on, i.accepted_on, i.paused_since) if d]
    return min(days), max(days)


def _remaining(item: Any, today: dt.date, cal: LoadedCalendar) -> int | None:
    if item.state == ProjectItemState.SUPPLEMENT_REQUESTED and item.accepted_on and item.paused_since:
        used = working_days_or_none(item.accepted_on, item.paused_since, cal)
        return None if used is None else int(item.limit_days - (used - item.paused_days))
    if item.light in (Light.NONE, Light.UNKNOWN) or item.due_on is None:
        return None
    return working_days_or_none(today, item.due_on, cal)


def build_rows(
    items: Iterable[Any], ctx: LightContext, *, user: Any, scope: ActorScope | None, details: bool = True
) -> list[ItemRow]:
    """Rows for annotated items: two queries for the calendar and one for the guides, whatever the count.
    Without `details` (items annotated without them): light and remaining days only, no guides, materials
    or actions."""
    items = list(items)
    if not items:
        return []
    cal = LoadedCalendar(*_window(items, ctx.today))
    if not details:
        return [
            ItemRow(
                item=item,
                light=item.light,
                remaining_days=_remaining(item, ctx.today, cal),
                calendar_problem=calendar_problem(item.calendar_problem_year),
            )
            for item in items
        ]
    guides = {
        item_id: full_name or username
        for item_id, full_name, username in GuideAssignment.objects.filter(
            item_id__in={i.approval_item_id for i in items}, is_active=True
        ).values_list("item_id", "guide__full_name", "guide__username")
    }
    rows = []
    for item in items:
        problem = item.calendar_problem_year
        rows.append(
            ItemRow(
                item=item,
                light=item.light,
                remaining_days=_remaining(item, ctx.today, cal),
                calendar_problem=calendar_problem(problem),
                guide_name=guides.get(item.approval_item_id, ""),
                materials_total=item.materials_total,
                materials_ready=item.materials_ready,
                materials_flawed=item.materials_flawed,
                open_proposal=item.open_proposal,
                actions=allowed_transitions(user, item, scope) if scope is not None else [],
            )
        )
    return rows
