"""The officer's record page shows the projects they served and the evaluations of their service (level
and text, never the evaluator) to the officer themself, the centre and the supervisors."""

from __future__ import annotations

from typing import Any

from liaison.evaluation.figures import satisfaction_figures
from liaison.evaluation.models import Evaluation, SubjectKind
from liaison.evaluation.policies import OVERSIGHT
from liaison.intake.models import Project
from liaison.officers.record_panels import RecordPanel

SHOWN = 50


def officer_evaluations_panel(viewer: Any, officer: Any) -> RecordPanel | None:
    if not (viewer.has_role(*OVERSIGHT) or officer.user_id == viewer.pk):
        return None
    projects = list(Project.objects.filter(assignments__officer=officer).distinct().order_by("-pk")[:SHOWN])
    evaluations = list(
        Evaluation.objects.filter(invitation__officer=officer, invitation__kind=SubjectKind.SERVICE)
        .select_related("invitation")
        .order_by("-created_at")[:SHOWN]
    )
    rows = satisfaction_figures("officer", key=officer.pk)
    context = {"projects": projects, "evaluations": evaluations, "figures": rows[0] if rows else None}
    return RecordPanel("evaluation/_officer_panel.html", context, order=10)
