"""Reads of the periods and their results, as each role may see them (policies.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.assessment.models import AssessmentPeriod, PeriodState, SubjectResult
from liaison.assessment.policies import can_read_period, reads_all, visible_results_filter
from liaison.core.errors import NotFound
from liaison.core.listing import keyword_filter


def period_list(user: Any) -> QuerySet[AssessmentPeriod]:
    """All periods for the centre and the supervisors; the published ones for the assessed roles."""
    qs = AssessmentPeriod.objects.select_related("method", "published_by")
    if reads_all(user):
        return qs
    if not can_read_period(user, AssessmentPeriod(state=PeriodState.PUBLISHED)):
        return qs.none()
    return qs.filter(state=PeriodState.PUBLISHED)


def access_period(user: Any, period_id: int) -> AssessmentPeriod:
    period = AssessmentPeriod.objects.select_related("method", "published_by").filter(pk=period_id).first()
    if period is None or not can_read_period(user, period):
        raise NotFound(_("考核期不存在。"))
    return period


def result_list(
    user: Any, period: AssessmentPeriod, *, kind: str = "", q: str = ""
) -> QuerySet[SubjectResult]:
    """The results of `period` that `user` may read (call after `access_period`)."""
    qs = period.results.select_related("department", "adjusted_by")
    visible = visible_results_filter(user)
    if visible is not None:
        qs = qs.filter(visible)
    if kind:
        qs = qs.filter(subject_kind=kind)
    return keyword_filter(qs, q, ["label", "department__name"]).order_by("subject_kind", "label", "id")


def access_result(user: Any, result_id: int) -> SubjectResult:
    row = (
        SubjectResult.objects.select_related("period__method", "department", "adjusted_by")
        .filter(pk=result_id)
        .first()
    )
    if row is None or not can_read_period(user, row.period):
        raise NotFound(_("考核结果不存在。"))
    visible = visible_results_filter(user)
    if visible is not None and not SubjectResult.objects.filter(visible, pk=row.pk).exists():
        raise NotFound(_("考核结果不存在。"))
    return row


def my_results(user: Any) -> QuerySet[SubjectResult]:
    """The published results of the user's own work (as officer or guide)."""
    return SubjectResult.objects.filter(user=user, period__state=PeriodState.PUBLISHED).select_related(
        "period"
    )
