"""The officer's record page (跟踪管理, Art. 6) shows their published assessment results to the officer
themself, the centre and the supervisors."""

from __future__ import annotations

from typing import Any

from liaison.assessment.models import PeriodState, SubjectKind, SubjectResult
from liaison.assessment.policies import reads_all
from liaison.officers.record_panels import RecordPanel

SHOWN = 12


def officer_assessment_panel(viewer: Any, officer: Any) -> RecordPanel | None:
    if not (reads_all(viewer) or officer.user_id == viewer.pk):
        return None
    results = list(
        SubjectResult.objects.filter(
            subject_kind=SubjectKind.OFFICER, subject_id=officer.pk, period__state=PeriodState.PUBLISHED
        )
        .select_related("period")
        .order_by("-period__start")[:SHOWN]
    )
    return RecordPanel("assessment/_officer_panel.html", {"results": results}, order=20)
