"""Reads of the officer registry. Lists issue a constant number of queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound, PermissionDenied
from liaison.directory.masking import sees_full_contacts
from liaison.officers.models import Officer, OfficerStatus
from liaison.officers.policies import can_list_officer, can_view_officer


def _registry(user: Any) -> QuerySet[Officer]:
    if not can_list_officer(user):
        raise PermissionDenied(_("您无权查看联络官登记信息。"))
    return Officer.objects.select_related("user")


def officer_list(*, user: Any, keyword: str = "", status: str = "", unit: str = "") -> QuerySet[Officer]:
    """The registry filtered by keyword, status and unit; refused for roles without access."""
    qs = _registry(user)
    keyword = (keyword or "").strip()
    if keyword:
        match = (
            Q(number__icontains=keyword)
            | Q(user__full_name__icontains=keyword)
            | Q(user__username__icontains=keyword)
            | Q(unit__icontains=keyword)
        )
        if sees_full_contacts(user):
            # Searching by digits would reveal masked phones, so only full-contact roles may.
            match |= Q(user__mobile__icontains=keyword)
        qs = qs.filter(match)
    if status:
        qs = qs.filter(status=status)
    if unit:
        qs = qs.filter(unit=unit)
    return qs.order_by("number")


def officer_status_counts(*, user: Any) -> dict[str, int]:
    """How many officers are in each status (every status present, zero included), in one query."""
    rows = _registry(user).values("status").annotate(n=Count("id")).order_by()
    counts = {value: 0 for value in OfficerStatus.values}
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


def officer_unit_choices(*, user: Any) -> list[str]:
    """The distinct work units in the registry, for the unit filter."""
    return list(_registry(user).order_by("unit").values_list("unit", flat=True).distinct())


def access_officer(user: Any, officer_id: int | str) -> Officer:
    """The officer `user` may see in full; missing and forbidden both raise NotFound."""
    try:
        officer = Officer.objects.select_related("user").get(pk=int(officer_id))
    except (Officer.DoesNotExist, ValueError, TypeError):
        officer = None
    if officer is None or not can_view_officer(user, officer):
        raise NotFound(_("联络官不存在或您无权查看。"))
    return officer


def officer_assignable_list() -> QuerySet[Officer]:
    """Officers who may be dispatched to a project: active ones only (a suspended officer cannot be)."""
    return Officer.objects.select_related("user").filter(status=OfficerStatus.ACTIVE).order_by("number")
