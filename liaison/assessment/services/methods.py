"""Writing the assessment method (考核办法): drafted and revised by the centre's leader, then published
with the next version number and today's date; the earlier published version is superseded, and stays
readable. A published method is never changed: a revision is a new draft."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.assessment.indicators import REGISTRY
from liaison.assessment.models import WEIGHT_MAX, AssessmentMethod, MethodState, MethodWeight
from liaison.assessment.services.common import clean_text, ensure_leader, lock_method, roles_of
from liaison.assessment.workflows import METHOD_WORKFLOW
from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError


def _clean_weights(weights: Mapping[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, value in weights.items():
        if key not in REGISTRY:
            raise DomainError(_("未知的考核指标：%(k)s。") % {"k": key}, field="weights")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= WEIGHT_MAX:
            raise DomainError(
                _("“%(label)s”的权重须为 0 至 %(max)s 的整数。")
                % {"label": REGISTRY[key].label, "max": WEIGHT_MAX},
                field="weights",
            )
        out[key] = value
    if not any(out.values()):
        raise DomainError(_("请至少为一项指标设置大于 0 的权重。"), field="weights")
    return out


def _fields(title: Any, explanation: Any) -> tuple[str, str]:
    return (
        clean_text(title, label=_("名称"), limit=200, field="title"),
        clean_text(explanation, label=_("说明"), limit=20_000, field="explanation"),
    )


def _save_weights(method: AssessmentMethod, weights: dict[str, int]) -> None:
    method.weights.all().delete()
    MethodWeight.objects.bulk_create(
        MethodWeight(method=method, indicator=k, weight=w) for k, w in weights.items()
    )


def method_create(
    *, actor: Any, title: Any, explanation: Any, weights: Mapping[str, Any]
) -> AssessmentMethod:
    """A new draft method with its indicators' weights (0 leaves an indicator out)."""
    ensure_leader(actor)
    title_text, text = _fields(title, explanation)
    clean = _clean_weights(weights)
    with transaction.atomic():
        method = AssessmentMethod.objects.create(title=title_text, explanation=text, created_by=actor)
        _save_weights(method, clean)
        audit_record(
            actor=actor,
            action="assessment.method_create",
            obj=method,
            summary=title_text,
            after={"weights": clean},
        )
    return method


def method_update(
    *, actor: Any, method: AssessmentMethod, title: Any, explanation: Any, weights: Mapping[str, Any]
) -> AssessmentMethod:
    """Revise a draft (a published method is never changed)."""
    ensure_leader(actor)
    title_text, text = _fields(title, explanation)
    clean = _clean_weights(weights)
    with transaction.atomic():
        locked = lock_method(method.pk)
        METHOD_WORKFLOW.check("edit", state=locked.state, roles=roles_of(actor))
        before = {"title": locked.title, "weights": dict(locked.weights.values_list("indicator", "weight"))}
        locked.title, locked.explanation = title_text, text
        locked.save(update_fields=["title", "explanation", "updated_at"])
        _save_weights(locked, clean)
        audit_record(
            actor=actor,
            action="assessment.method_update",
            obj=locked,
            summary=title_text,
            before=before,
            after={"title": title_text, "weights": clean},
        )
    return locked


def method_publish(*, actor: Any, method: AssessmentMethod) -> AssessmentMethod:
    """Publish a draft as the next version, dated today; the method in force until now is superseded."""
    ensure_leader(actor)
    roles = roles_of(actor)
    today = timezone.localdate()
    with transaction.atomic():
        # Every method row, in id order: two leaders publishing at once take the versions one after the other.
        list(AssessmentMethod.objects.select_for_update().order_by("pk").values_list("pk", flat=True))
        locked = lock_method(method.pk)
        METHOD_WORKFLOW.check("publish", state=locked.state, roles=roles)
        for current in AssessmentMethod.objects.select_for_update().filter(state=MethodState.PUBLISHED):
            METHOD_WORKFLOW.check("supersede", state=current.state, roles=roles)
            current.state, current.superseded_on = MethodState.SUPERSEDED, today
            current.save(update_fields=["state", "superseded_on", "updated_at"])
            audit_record(actor=actor, action="assessment.method_supersede", obj=current, summary=str(current))
        version = (AssessmentMethod.objects.aggregate(m=Max("version"))["m"] or 0) + 1
        locked.state, locked.version, locked.published_on, locked.published_by = (
            MethodState.PUBLISHED,
            version,
            today,
            actor,
        )
        locked.save(update_fields=["state", "version", "published_on", "published_by", "updated_at"])
        audit_record(
            actor=actor,
            action="assessment.method_publish",
            obj=locked,
            summary=str(locked),
            after={"version": version, "published_on": today.isoformat()},
        )
    return locked
