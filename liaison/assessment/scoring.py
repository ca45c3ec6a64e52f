"""A period's results from the record: each subject's raw values, their scores by the indicator's rule,
and the total as the weighted mean over the indicators that have data (weights re-normalised)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from liaison.assessment.indicators import Indicator, indicator_get
from liaison.assessment.models import AssessmentMethod, SubjectKind
from liaison.assessment.rules import two_places
from liaison.assessment.subjects import Subject, subjects_of


@dataclass
class ScoredSubject:
    subject: Subject
    values: list[dict[str, Any]] = field(default_factory=list)
    score: Decimal | None = None


def _text(value: Decimal | int | None) -> str | None:
    return None if value is None else str(value)


def weighted_total(parts: list[tuple[int, Decimal | None]]) -> Decimal | None:
    """Σ weight × score ÷ Σ weight over the parts that have a score; None when none has."""
    scored = [(w, s) for w, s in parts if s is not None and w > 0]
    total_weight = sum(w for w, _s in scored)
    if not total_weight:
        return None
    return two_places(sum((Decimal(w) * s for w, s in scored), Decimal(0)) / Decimal(total_weight))


def method_indicators(method: AssessmentMethod, kind: str) -> list[tuple[Indicator, int]]:
    """The method's indicators of one kind with a positive weight (keys no longer registered are skipped)."""
    out = []
    for w in method.weights.all():
        ind = indicator_get(w.indicator)
        if ind is not None and ind.kind == kind and w.weight > 0:
            out.append((ind, w.weight))
    return out


def score_subjects(method: AssessmentMethod, start: dt.date, end: dt.date) -> list[ScoredSubject]:
    """Every subject of every kind the method weighs, scored for the period [start, end]."""
    out: list[ScoredSubject] = []
    for kind in SubjectKind.values:
        weighted = method_indicators(method, kind)
        if not weighted:
            continue
        raws = {ind.key: ind.compute(start, end) for ind, _w in weighted}
        ids: set[int] = set()
        for values in raws.values():
            ids |= set(values)
        for subject in subjects_of(kind, ids):
            scored = ScoredSubject(subject)
            parts = []
            for ind, weight in weighted:
                computed = raws[ind.key]
                raw = computed.get(subject.id)
                if raw is None and ind.rule.missing_is_zero:
                    raw = 0
                score = ind.rule.score(raw, list(computed.values()))
                parts.append((weight, score))
                scored.values.append(
                    {
                        "key": ind.key,
                        "label": str(ind.label),
                        "unit": str(ind.unit),
                        "raw": _text(raw),
                        "score": _text(score),
                        "weight": weight,
                    }
                )
            scored.score = weighted_total(parts)
            out.append(scored)
    return out
