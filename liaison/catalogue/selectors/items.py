"""Reading the catalogue: item lists with their current guide, one item with everything about it."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem, GuideAssignment, GuideChange, GuideChangeStatus
from liaison.catalogue.policies import can_view_catalogue
from liaison.catalogue.selectors._ids import parse_pk
from liaison.core.errors import NotFound


def _current_guide_prefetch() -> Prefetch:
    return Prefetch(
        "guide_assignments",
        queryset=GuideAssignment.objects.filter(is_active=True).select_related("guide"),
        to_attr="active_assignments",
    )


def current_assignment(item: ApprovalItem) -> GuideAssignment | None:
    """The item's active guide assignment, from the prefetch when there is one."""
    prefetched = getattr(item, "active_assignments", None)
    if prefetched is not None:
        return prefetched[0] if prefetched else None
    return item.guide_assignments.filter(is_active=True).select_related("guide").first()


def item_list(
    *,
    q: str = "",
    department: Any = None,
    stage: str = "",
    active: bool | None = None,
) -> QuerySet[ApprovalItem]:
    """Items matching the filters, with their department and current guide loaded (constant queries)."""
    qs = ApprovalItem.objects.select_related("department").prefetch_related(_current_guide_prefetch())
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(name__icontains=q) | Q(department__name__icontains=q))
    if department:
        department_id = parse_pk(getattr(department, "pk", department))
        qs = qs.filter(department_id=department_id) if department_id else qs.none()
    if stage:
        qs = qs.filter(stage=stage)
    if active is not None:
        qs = qs.filter(is_active=active)
    return qs.order_by("department__sort_order", "department__code", "code")


def item_get(*, item_id: Any) -> ApprovalItem | None:
    """One item with checklist, prerequisites, dependents, guide history and open change."""
    pk = parse_pk(item_id)
    if pk is None:
        return None
    return (
        ApprovalItem.objects.select_related("department")
        .prefetch_related(
            "materials",
            Prefetch("prerequisites", queryset=ApprovalItem.objects.select_related("department")),
            Prefetch("dependents", queryset=ApprovalItem.objects.select_related("department")),
            Prefetch(
                "guide_assignments",
                queryset=GuideAssignment.objects.select_related("guide").order_by("-start_date", "-id"),
                to_attr="assignment_history",
            ),
            _current_guide_prefetch(),
            Prefetch(
                "guide_changes",
                queryset=GuideChange.objects.filter(status=GuideChangeStatus.PROPOSED).select_related(
                    "new_guide", "previous_guide", "proposed_by"
                ),
                to_attr="open_changes",
            ),
        )
        .filter(pk=pk)
        .first()
    )


def access_item(user: Any, item_id: Any) -> ApprovalItem:
    """The item if `user` may read it; NotFound when missing or not theirs to see."""
    item = item_get(item_id=item_id) if can_view_catalogue(user) else None
    if item is None:
        raise NotFound(_("事项不存在。"))
    return item
