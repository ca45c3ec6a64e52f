"""Ranking officers for a dispatch: lighter open workload and experience with the same stages and departments."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from liaison.catalogue.models import ApprovalItem
from liaison.intake.models import Assignment, Entrustment, EntrustmentStatus, Project
from liaison.officers.models import Officer, OfficerStatus

# One open project weighs more than one familiar stage: a busy officer is not offered first.
STAGE_WEIGHT = 2.0
DEPARTMENT_WEIGHT = 1.0
WORKLOAD_WEIGHT = 3.0


@dataclass
class OfficerSuggestion:
    officer: Officer
    open_projects: int
    stage_experience: int
    department_experience: int
    score: float
    reasons: list[str] = field(default_factory=list)


def _stage_departments() -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for stage, dept_id in ApprovalItem.objects.filter(is_active=True).values_list("stage", "department_id"):
        out.setdefault(stage, set()).add(dept_id)
    return out


def _scopes(project_ids: set[int]) -> dict[int, tuple[set[str], set[int]]]:
    """Stages and departments each project's accepted request covers (chosen items, else its stages' items)."""
    by_stage = _stage_departments()
    scopes: dict[int, tuple[set[str], set[int]]] = {}
    accepted = Entrustment.objects.filter(project_id__in=project_ids, status=EntrustmentStatus.ACCEPTED)
    for entrustment in accepted.prefetch_related("items"):
        stages = set(entrustment.stages)
        departments = {item.department_id for item in entrustment.items.all()}
        if not departments:
            departments = set().union(*(by_stage.get(s, set()) for s in stages))
        scopes[entrustment.project_id] = (stages, departments)
    return scopes


def officer_suggestions(*, project: Project, limit: int = 10) -> list[OfficerSuggestion]:
    """Active officers ranked for `project`, each with the reasons behind its place."""
    officers = list(
        Officer.objects.filter(status=OfficerStatus.ACTIVE, user__is_active=True)
        .select_related("user")
        .annotate(open_projects=Count("assignments", filter=Q(assignments__is_active=True), distinct=True))
    )
    served = set(
        Assignment.objects.filter(officer__in=officers)
        .exclude(project=project)
        .values_list("officer_id", "project_id")
    )
    scopes = _scopes({project.pk} | {project_id for _officer, project_id in served})
    stages, departments = scopes.get(project.pk, ({project.current_stage}, set()))
    stage_hits: dict[int, set[str]] = {}
    dept_hits: dict[int, set[int]] = {}
    for officer_id, project_id in served:
        past_stages, past_departments = scopes.get(project_id, (set(), set()))
        stage_hits.setdefault(officer_id, set()).update(past_stages & stages)
        dept_hits.setdefault(officer_id, set()).update(past_departments & departments)
    out = []
    for officer in officers:
        open_n: int = getattr(officer, "open_projects", 0)
        stage_n = len(stage_hits.get(officer.pk, set()))
        dept_n = len(dept_hits.get(officer.pk, set()))
        score = stage_n * STAGE_WEIGHT + dept_n * DEPARTMENT_WEIGHT - open_n * WORKLOAD_WEIGHT
        reasons = [_("在办项目 %(n)d 个") % {"n": open_n}]
        if stage_n:
            reasons.append(_("办理过本项目的 %(n)d 个委托阶段") % {"n": stage_n})
        if dept_n:
            reasons.append(_("与本项目涉及的 %(n)d 个部门打过交道") % {"n": dept_n})
        if not (stage_n or dept_n):
            reasons.append(_("暂无相同阶段或部门的服务经历"))
        out.append(OfficerSuggestion(officer, open_n, stage_n, dept_n, score, reasons))
    out.sort(key=lambda s: (-s.score, s.open_projects, s.officer.number))
    return out[:limit]
