"""Reading guide changes, scoped to who may see them (centre, supervisors, the department's admins)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.catalogue.models import GuideChange, GuideChangeStatus
from liaison.catalogue.policies import GUIDE_CHANGE_READER_ROLES, can_view_guide_change
from liaison.catalogue.selectors._ids import parse_pk
from liaison.core.errors import NotFound
from liaison.directory.roles import Role


def _visible(user: Any) -> QuerySet[GuideChange]:
    qs = GuideChange.objects.select_related(
        "item__department", "previous_guide", "new_guide", "proposed_by", "decided_by"
    )
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.has_role(*GUIDE_CHANGE_READER_ROLES):
        return qs
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        return qs.filter(item__department_id=user.department_id)
    return qs.none()


def guide_change_list(*, user: Any, status: str = "", department: Any = None) -> QuerySet[GuideChange]:
    """The guide changes `user` may see, newest first, optionally by status and department."""
    qs = _visible(user)
    if status in GuideChangeStatus.values:
        qs = qs.filter(status=status)
    if department:
        department_id = parse_pk(getattr(department, "pk", department))
        qs = qs.filter(item__department_id=department_id) if department_id else qs.none()
    return qs.order_by("-proposed_at", "-id")


def guide_change_get(*, change_id: Any) -> GuideChange | None:
    """One guide change with its item, department and people, or None."""
    pk = parse_pk(change_id)
    if pk is None:
        return None
    return (
        GuideChange.objects.select_related(
            "item__department", "previous_guide", "new_guide", "proposed_by", "decided_by"
        )
        .filter(pk=pk)
        .first()
    )


def access_guide_change(user: Any, change_id: Any) -> GuideChange:
    """The change if `user` may see it; NotFound when missing or not theirs to see."""
    change = guide_change_get(change_id=change_id)
    if change is None or not can_view_guide_change(user, change):
        raise NotFound(_("指导员变更记录不存在。"))
    return change
