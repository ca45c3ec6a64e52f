"""Reads of entrustment requests: the centre's review queue and each request."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.directory.roles import Role
from liaison.intake.models import Entrustment, EntrustmentStatus
from liaison.intake.policies import READ_ALL_ROLES, is_enterprise_member
from liaison.intake.selectors.projects import project_visible_to


def entrustment_list(*, user: Any, status: str = "", q: str = "") -> QuerySet[Entrustment]:
    """Requests the user may see (the centre sees all but other enterprises' drafts), newest first."""
    qs = Entrustment.objects.select_related("project__enterprise", "decided_by")
    if user.has_role(*READ_ALL_ROLES):
        qs = qs.exclude(status=EntrustmentStatus.DRAFT)
    else:
        qs = qs.filter(project__in=project_visible_to(user))
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(project__name__icontains=q) | qs.filter(project__enterprise__name__icontains=q)
    return qs.order_by("-submitted_at", "-created_at")


def entrustment_status_counts(*, user: Any) -> dict[str, int]:
    """How many visible requests are in each state (for the queue's filter tabs)."""
    rows = entrustment_list(user=user).order_by().values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def access_entrustment(user: Any, entrustment_id: int) -> Entrustment:
    """The request if the user may see it; a draft only for its own enterprise."""
    entrustment = (
        Entrustment.objects.select_related("project__enterprise", "decided_by", "created_by")
        .filter(pk=entrustment_id)
        .first()
    )
    if entrustment is None:
        raise NotFound(_("申请不存在。"))
    own = is_enterprise_member(user, entrustment.project)
    centre = user.has_role(*READ_ALL_ROLES) and entrustment.status != EntrustmentStatus.DRAFT
    officer = (
        user.has_role(Role.OFFICER)
        and entrustment.project.assignments.filter(officer__user=user, is_active=True).exists()
    )
    if not (own or centre or officer):
        raise NotFound(_("申请不存在。"))
    return entrustment
