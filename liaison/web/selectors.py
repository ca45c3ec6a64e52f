"""Reads for the dashboard: a handful of counts, each one query."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from liaison.catalogue.models import ApprovalItem, GuideAssignment, GuideChange, GuideChangeStatus
from liaison.directory.models import Department
from liaison.directory.roles import Role
from liaison.intake.models import Entrustment, EntrustmentStatus
from liaison.officers.models import Officer, OfficerStatus
from liaison.workcal.calendar import next_year_warning


def pending_guide_changes_for(user: Any) -> int | None:
    """Guide changes waiting for this user's action (centre: to register; department admin: its own)."""
    pending = GuideChange.objects.filter(status=GuideChangeStatus.PROPOSED)
    if user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER):
        return pending.count()
    if user.has_role(Role.DEPARTMENT_ADMIN) and user.department_id:
        return pending.filter(item__department_id=user.department_id).count()
    return None


def nav_badges(*, user: Any) -> dict[str, int]:
    """To-do counts shown beside sidebar entries, keyed by URL name."""
    badges: dict[str, int] = {}
    pending = pending_guide_changes_for(user)
    if pending:
        badges["catalogue:guide_change_list"] = pending
    if user.has_role(Role.CENTER_ADMIN):
        waiting = Entrustment.objects.filter(status=EntrustmentStatus.SUBMITTED).count()
        if waiting:
            badges["intake:review_queue"] = waiting
    return badges


def dashboard_summary(*, user: Any) -> dict[str, Any]:
    """Counts and to-dos the user's roles call for."""
    summary: dict[str, Any] = {
        "department_count": Department.objects.filter(is_active=True).count(),
        "item_count": ApprovalItem.objects.filter(is_active=True).count(),
        "guide_count": GuideAssignment.objects.filter(is_active=True).values("guide").distinct().count(),
        "officer_count": Officer.objects.filter(status=OfficerStatus.ACTIVE).count(),
    }
    summary["pending_guide_changes"] = pending_guide_changes_for(user)
    if user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER):
        summary["missing_calendar_year"] = next_year_warning(timezone.localdate())
    if user.has_role(Role.GUIDE):
        summary["my_items"] = list(
            ApprovalItem.objects.filter(guide_assignments__guide=user, guide_assignments__is_active=True)
            .select_related("department")
            .order_by("code")
        )
    return summary
