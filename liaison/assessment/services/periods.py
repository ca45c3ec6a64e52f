"""A period's life: created under the method in force, computed from the record as a preview (as often as
wanted; adjustments made to the preview are kept), then published by the centre's leader and frozen —
its results are the snapshot of every subject's raw values and scores, and later changes to the record
never touch them."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.assessment.models import (
    AssessmentMethod,
    AssessmentPeriod,
    MethodState,
    PeriodKind,
    PeriodState,
    SubjectResult,
)
from liaison.assessment.periods import YEAR_MAX, YEAR_MIN, period_bounds
from liaison.assessment.scoring import score_subjects
from liaison.assessment.services.common import ensure_leader, lock_period, roles_of
from liaison.assessment.workflows import PERIOD_WORKFLOW
from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError
from liaison.notifications.services.notify import notification_send


def _clean(kind: Any, year: Any, quarter: Any) -> tuple[str, int, int | None]:
    if kind not in PeriodKind.values:
        raise DomainError(_("请选择考核周期：季度或年度。"), field="kind")
    if isinstance(year, bool) or not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        raise DomainError(_("年份须在 %(a)s 至 %(b)s 之间。") % {"a": YEAR_MIN, "b": YEAR_MAX}, field="year")
    if kind == PeriodKind.YEAR:
        return kind, year, None
    if isinstance(quarter, bool) or quarter not in (1, 2, 3, 4):
        raise DomainError(_("季度须为 1 至 4。"), field="quarter")
    return kind, year, quarter


def period_create(
    *, actor: Any, kind: Any, year: Any, quarter: Any = None, method: AssessmentMethod | None = None
) -> AssessmentPeriod:
    """A draft period under `method` (by default the one in force), which must be published."""
    ensure_leader(actor)
    kind, year, quarter = _clean(kind, year, quarter)
    code, start, end = period_bounds(kind, year, quarter)
    with transaction.atomic():
        published = AssessmentMethod.objects.filter(state=MethodState.PUBLISHED)
        method = published.first() if method is None else published.filter(pk=method.pk).first()
        if method is None:
            raise DomainError(_("请先发布考核办法，再建立考核期。"), field="method")
        if AssessmentPeriod.objects.filter(code=code).exists():
            raise Conflict(_("考核期 %(c)s 已存在。") % {"c": code})
        try:
            with transaction.atomic():
                period = AssessmentPeriod.objects.create(
                    kind=kind,
                    year=year,
                    quarter=quarter,
                    code=code,
                    start=start,
                    end=end,
                    method=method,
                    created_by=actor,
                )
        except IntegrityError:  # another leader opened the same period a moment ago
            raise Conflict(_("考核期 %(c)s 已存在。") % {"c": code}) from None
        audit_record(
            actor=actor,
            action="assessment.period_create",
            obj=period,
            summary=code,
            after={"method": str(method), "start": start.isoformat(), "end": end.isoformat()},
        )
    return period


def period_compute(*, actor: Any, period: AssessmentPeriod) -> AssessmentPeriod:
    """Compute (or recompute) every subject's result from the record; a leader's adjustment is kept."""
    ensure_leader(actor)
    with transaction.atomic():
        locked = lock_period(period.pk)
        PERIOD_WORKFLOW.check("compute", state=locked.state, roles=roles_of(actor))
        scored = score_subjects(locked.method, locked.start, locked.end)
        kept = {(r.subject_kind, r.subject_id): r for r in locked.results.all()}
        seen = set()
        for s in scored:
            key = (s.subject.kind, s.subject.id)
            seen.add(key)
            row = kept.get(key) or SubjectResult(
                period=locked, subject_kind=s.subject.kind, subject_id=s.subject.id
            )
            row.label, row.user_id, row.department_id = (
                s.subject.label,
                s.subject.user_id,
                s.subject.department_id,
            )
            row.values, row.computed_score = s.values, s.score
            row.save()
        stale = [r.pk for key, r in kept.items() if key not in seen]
        SubjectResult.objects.filter(pk__in=stale).delete()
        locked.state, locked.computed_at = PeriodState.COMPUTED, timezone.now()
        locked.save(update_fields=["state", "computed_at"])
        audit_record(
            actor=actor,
            action="assessment.period_compute",
            obj=locked,
            summary=locked.code,
            after={"results": len(scored)},
        )
    return locked


def period_publish(*, actor: Any, period: AssessmentPeriod) -> AssessmentPeriod:
    """Publish the computed results as they stand and freeze them; the officers and guides assessed are
    told. Two leaders publishing at once: the second finds it published and is refused."""
    ensure_leader(actor)
    with transaction.atomic():
        locked = lock_period(period.pk)
        PERIOD_WORKFLOW.check("publish", state=locked.state, roles=roles_of(actor))
        locked.state, locked.published_at, locked.published_by = PeriodState.PUBLISHED, timezone.now(), actor
        locked.save(update_fields=["state", "published_at", "published_by"])
        results = list(locked.results.select_related("user"))
        audit_record(
            actor=actor,
            action="assessment.period_publish",
            obj=locked,
            summary=locked.code,
            after={
                "results": [
                    {
                        "kind": r.subject_kind,
                        "id": r.subject_id,
                        "computed": str(r.computed_score) if r.computed_score is not None else None,
                        "adjusted": str(r.adjusted_score) if r.adjusted_score is not None else None,
                    }
                    for r in results
                ]
            },
        )
        notification_send(
            recipients=[r.user for r in results if r.user is not None],
            kind="assessment.published",
            event_key=f"assessment:{locked.pk}:published",
            title=_("%(c)s 考核结果已发布") % {"c": locked.code},
            url=f"/assessment/periods/{locked.pk}/",
        )
    return locked
