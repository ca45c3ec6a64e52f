"""Ranking officers for a dispatch: lighter open workload and experience with the same stages and departments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from liaison.intake.models import Assignment, Entrustment, EntrustmentStatus, Project
from liaison.officers.models import Officer, OfficerStatus


@dataclass
class OfficerSuggestion:
    officer: Officer
    open_projects: int
    stage_experience: int
    department_experience: int
    score: float
    reasons: list[str] = field(default_factory=list)


def _scope_of(project: Project) -> tuple[set[str], set[int]]:
    entrustment = (
        Entrustment.objects.filter(project=project, status=EntrustmentStatus.ACCEPTED)
        .prefetch_related("items")
        .first()
    )
    if entrustment is None:
        return {project.current_stage}, set()
    return set(entrustment.stages), {item.department_id for item in entrustment.items.all()}


def officer_suggestions(*, project: Project, limit: int = 10) -> list[OfficerSuggestion]:
    """Active officers ranked for `project`, each with the reasons behind its place."""
    stages, departments = _scope_of(project)
    officers = list(
        Officer.objects.filter(status=OfficerStatus.ACTIVE)
        .select_related("user")
        .annotate(open_projects=Count("assignments", filter=Q(assignments__is_active=True), distinct=True))
    )
    history = (
        Assignment.objects.filter(officer__in=officers)
        .exclude(project=project)
        .values_list(
            "officer_id", "project__entrustments__stages", "project__entrustments__items__department_id"
        )
    )
    stage_hits: dict[int, set[tuple[int, str]]] = {}
    dept_hits: dict[int, set[int]] = {}
    for officer_id, served_stages, dept_id in history:
        for stage in served_stages or []:
            if stage in stages:
                stage_hits.setdefault(officer_id, set()).add((officer_id, stage))
        if dept_id in departments:
            dept_hits.setdefault(officer_id, set()).add(dept_id)
    out = []
    for officer in officers:
        open_n: Any = getattr(officer, "open_projects", 0)
        stage_n = len(stage_hits.get(officer.pk, set()))
        dept_n = len(dept_hits.get(officer.pk, set()))
        score = stage_n * 2 + dept_n - open_n * 1.5
        reasons = [_("在办项目 %(n)d 个") % {"n": open_n}]
        if stage_n:
            reasons.append(_("熟悉本项目 %(n)d 个委托阶段") % {"n": stage_n})
        if dept_n:
            reasons.append(_("与本项目涉及的 %(n)d 个部门打过交道") % {"n": dept_n})
        out.append(OfficerSuggestion(officer, open_n, stage_n, dept_n, score, reasons))
    out.sort(key=lambda s: (-s.score, s.open_projects, s.officer.number))
    return out[:limit]
