"""Building plan rows: which catalogue items a project's entrustment covers, and the rows for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext as _

from liaison.catalogue.graph import CycleError
from liaison.catalogue.models import ApprovalItem, ItemPrerequisite, MaterialRequirement
from liaison.catalogue.stages import STAGE_ORDER
from liaison.core.errors import DomainError
from liaison.intake.models import Entrustment, EntrustmentScope, Project
from liaison.tracking.clock import LoadedCalendar
from liaison.tracking.models import MaterialSubmission, ProjectItem
from liaison.tracking.scheduling import Node, Slot, plan_order, schedule
from liaison.tracking.services.common import item_refresh

PLAN_WINDOW = dt.timedelta(days=800)  # the calendar loaded once for scheduling; later days are read live


def scope_items(entrustment: Entrustment) -> list[ApprovalItem]:
    """Full: the active items of all four stages. Partial: the chosen items plus the active items of the
    chosen stages. The request stores the stages of chosen items among its stages, so a stage that holds
    a chosen item is read as "these items only" (the officer can add more to the plan)."""
    active = ApprovalItem.objects.filter(is_active=True).select_related("department")
    if entrustment.scope == EntrustmentScope.FULL:
        return list(active)
    chosen = [i for i in entrustment.items.select_related("department") if i.is_active]
    item_stages = {i.stage for i in chosen}
    whole_stages = [s for s in entrustment.stages if s not in item_stages]
    extra = list(active.filter(stage__in=whole_stages).exclude(pk__in=[i.pk for i in chosen]))
    return chosen + extra


def rank(item: ApprovalItem) -> tuple[int, int, str]:
    return (STAGE_ORDER.get(item.stage, 99), item.department.sort_order, item.code)


def catalogue_edges(item_ids: Iterable[int]) -> set[tuple[int, int]]:
    """(item, prerequisite) pairs of the catalogue among `item_ids` (others ignored)."""
    ids = list(item_ids)
    return set(
        ItemPrerequisite.objects.filter(item_id__in=ids, prerequisite_id__in=ids).values_list(
            "item_id", "prerequisite_id"
        )
    )


def nodes_for(items: list[ProjectItem], edges: set[tuple[int, int]]) -> list[Node]:
    """Scheduling nodes keyed by approval item id, with each row's pinned start."""
    needs: dict[int, set[int]] = {}
    for item_id, prerequisite_id in edges:
        needs.setdefault(item_id, set()).add(prerequisite_id)
    return [
        Node(
            key=i.approval_item_id,
            limit_days=i.limit_days,
            prerequisites=frozenset(needs.get(i.approval_item_id, ())),
            pinned_start=i.pinned_start,
            rank=rank(i.approval_item),
        )
        for i in items
    ]


def place(items: list[ProjectItem], edges: set[tuple[int, int]], start: dt.date) -> dict[int, Slot]:
    """Order the rows (setting `order`) and compute their slots; a loop in the catalogue is a clear error."""
    nodes = nodes_for(items, edges)
    try:
        order = plan_order(nodes)
        slots = schedule(nodes, start=start, cal=LoadedCalendar(start, start + PLAN_WINDOW))
    except CycleError as exc:
        raise DomainError(_("事项前置关系存在循环：%(c)s，请联系中心修正事项目录。") % {"c": exc}) from exc
    position = {key: n for n, key in enumerate(order, start=1)}
    for item in items:
        item.order = position[item.approval_item_id]
    return slots


def apply_slot(item: ProjectItem, slot: Slot) -> None:
    item.planned_start, item.planned_due, item.plan_problem_year = slot.start, slot.due, slot.problem_year


def create_rows(
    project: Project, catalogue_items: list[ApprovalItem], existing: list[ProjectItem]
) -> list[ProjectItem]:
    """New plan rows for `catalogue_items` (with their checklists and the plan's prerequisite links)."""
    rows = [
        ProjectItem(project=project, approval_item=i, stage=i.stage, limit_days=i.time_limit_days)
        for i in catalogue_items
    ]
    for row in rows:
        item_refresh(row, steps=[])
    created = ProjectItem.objects.bulk_create(rows)
    requirements = MaterialRequirement.objects.filter(item__in=catalogue_items).order_by("item_id", "seq")
    by_item = {row.approval_item_id: row for row in created}
    MaterialSubmission.objects.bulk_create(
        [
            MaterialSubmission(
                project_item=by_item[r.item_id],
                requirement=r,
                seq=r.seq,
                name=r.name,
                form=r.form,
                copies=r.copies,
                required=r.required,
                issuing_body=r.issuing_body,
            )
            for r in requirements
        ]
    )
    link_prerequisites([*existing, *created], only_new=created)
    return created


def link_prerequisites(items: list[ProjectItem], *, only_new: list[ProjectItem]) -> None:
    """The plan's own prerequisite links (for the Gantt chart), copied from the catalogue."""
    by_item = {i.approval_item_id: i for i in items}
    fresh = {i.pk for i in only_new}
    through = ProjectItem.prerequisites.through
    links = [
        through(from_projectitem_id=by_item[a].pk, to_projectitem_id=by_item[b].pk)
        for a, b in catalogue_edges(by_item)
        if by_item[a].pk in fresh or by_item[b].pk in fresh
    ]
    through.objects.bulk_create(links)


def plan_edges(items: list[ProjectItem]) -> set[tuple[int, int]]:
    """(item, prerequisite) pairs by approval item id, from the plan's own links."""
    ids = {i.pk: i.approval_item_id for i in items}
    through = ProjectItem.prerequisites.through
    rows = through.objects.filter(from_projectitem_id__in=ids).values_list(
        "from_projectitem_id", "to_projectitem_id"
    )
    return {(ids[a], ids[b]) for a, b in rows if b in ids}
