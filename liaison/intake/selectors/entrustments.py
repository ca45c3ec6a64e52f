"""Reads of entrustment requests: the centre's review queue and each request."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.directory.roles import Role
from liaison.intake.models import Entrustment
from liaison.intake.people import officer_project_ids
from liaison.intake.policies import READ_ALL_ROLES, can_view_entrustment


def entrustment_list(*, user: Any, status: str = "", q: str = "") -> QuerySet[Entrustment]:
    """Requests the user may see (the centre: every one ever submitted), latest submission first."""
    qs = Entrustment.objects.select_related("project__enterprise", "decided_by", "created_by")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    visible = Q(pk__in=[])
    if user.has_role(*READ_ALL_ROLES):
        visible |= Q(submitted_at__isnull=False)
    if user.has_role(Role.APPLICANT) and user.enterprise_id:
        visible |= Q(project__enterprise_id=user.enterprise_id)
    if user.has_role(Role.OFFICER):
        assigned = officer_project_ids(user)
        visible |= Q(project_id__in=assigned)
    qs = qs.filter(visible)
    if status:
        qs = qs.filter(status=status)
    q = (q or "").strip()
    if q:
        qs = qs.filter(
            Q(project__name__icontains=q)
            | Q(project__enterprise__name__icontains=q)
            | Q(project__service_number__icontains=q)
        )
    return qs.order_by("-submitted_at", "-created_at", "-id")


def entrustment_status_counts(*, user: Any) -> dict[str, int]:
    """How many visible requests are in each state (for the queue's filter tabs)."""
    rows = entrustment_list(user=user).order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def access_entrustment(user: Any, entrustment_id: int) -> Entrustment:
    """The request if the user may see it (a draft only its own enterprise); missing and forbidden look the same."""
    entrustment = (
        Entrustment.objects.select_related("project__enterprise", "decided_by", "created_by")
        .filter(pk=entrustment_id)
        .first()
    )
    if entrustment is None or not can_view_entrustment(user, entrustment):
        raise NotFound(_("申请不存在。"))
    return entrustment
