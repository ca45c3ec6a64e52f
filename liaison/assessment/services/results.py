"""The leader's adjustment of one computed score: a new score with its reason, shown beside the computed
one and audited; only while the period is a preview (a published period is frozen)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.assessment.models import SubjectResult
from liaison.assessment.rules import two_places
from liaison.assessment.services.common import clean_text, ensure_leader, lock_period, roles_of
from liaison.assessment.workflows import PERIOD_WORKFLOW
from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError


def _clean_score(value: Any) -> Decimal:
    try:
        score = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise DomainError(_("调整后得分须为 0 至 100 之间的数字。"), field="score") from None
    if not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
        raise DomainError(_("调整后得分须为 0 至 100 之间的数字。"), field="score")
    return two_places(score)


def result_adjust(*, actor: Any, result: SubjectResult, score: Any, reason: Any) -> SubjectResult:
    """Set the adjusted score of one result (two decimals, 0–100) with the reason; audited."""
    ensure_leader(actor)
    value = _clean_score(score)
    why = clean_text(reason, label=_("调整理由"), limit=1000, field="reason")
    with transaction.atomic():
        period = lock_period(result.period_id)
        PERIOD_WORKFLOW.check("adjust", state=period.state, roles=roles_of(actor))
        row = SubjectResult.objects.select_for_update().get(pk=result.pk)
        before = {"adjusted_score": str(row.adjusted_score) if row.adjusted_score is not None else None}
        row.adjusted_score, row.adjustment_reason = value, why
        row.adjusted_by, row.adjusted_at = actor, timezone.now()
        row.save(update_fields=["adjusted_score", "adjustment_reason", "adjusted_by", "adjusted_at"])
        audit_record(
            actor=actor,
            action="assessment.result_adjust",
            obj=row,
            summary=f"{period.code} {row.label}",
            before=before,
            after={
                "computed_score": str(row.computed_score) if row.computed_score is not None else None,
                "adjusted_score": str(value),
                "reason": why,
            },
        )
    return row
