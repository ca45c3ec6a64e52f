"""Reads of the assessment methods: the list, one method with its indicators, the method in force."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from liaison.assessment.indicators import REGISTRY, describe, indicators_for
from liaison.assessment.models import AssessmentMethod, MethodState, SubjectKind
from liaison.assessment.policies import can_read_method, reads_all
from liaison.core.errors import NotFound


def method_list(user: Any) -> QuerySet[AssessmentMethod]:
    """Published and superseded methods for everyone signed in; drafts too for the centre."""
    qs = AssessmentMethod.objects.select_related("published_by")
    if not reads_all(user):
        qs = qs.exclude(state=MethodState.DRAFT)
    return qs.order_by("-version", "-id")


def method_current() -> AssessmentMethod | None:
    """The method in force (the portal shows it)."""
    return AssessmentMethod.objects.filter(state=MethodState.PUBLISHED).first()


def methods_public() -> list[AssessmentMethod]:
    """The published method and the superseded ones, newest first (the portal lists them)."""
    return list(AssessmentMethod.objects.exclude(state=MethodState.DRAFT).order_by("-version"))


def access_method(user: Any, method_id: int) -> AssessmentMethod:
    method = AssessmentMethod.objects.select_related("published_by").filter(pk=method_id).first()
    if method is None or not can_read_method(user, method):
        raise NotFound(_("考核办法不存在。"))
    return method


@dataclass
class MethodSection:
    kind: str
    label: str
    rows: list[dict[str, Any]]


def method_sections(method: AssessmentMethod) -> list[MethodSection]:
    """The method's indicators with a weight, by subject kind: label, unit, direction, rule, share."""
    weights = dict(method.weights.values_list("indicator", "weight"))
    out = []
    for kind, label in SubjectKind.choices:
        rows = []
        total = sum(w for k, w in weights.items() if k in REGISTRY and REGISTRY[k].kind == kind)
        for ind in indicators_for(kind):
            weight = weights.get(ind.key, 0)
            if weight:
                rows.append({**describe(ind), "weight": weight, "total": total})
        if rows:
            out.append(MethodSection(kind, str(label), rows))
    return out


def editor_rows(method: AssessmentMethod | None) -> list[dict[str, Any]]:
    """Every registered indicator with the weight the method gives it (its default for a new method)."""
    weights = dict(method.weights.values_list("indicator", "weight")) if method else {}
    return [
        {**describe(ind), "weight": weights.get(ind.key, 0 if method else ind.default_weight)}
        for kind in SubjectKind.values
        for ind in indicators_for(kind)
    ]
