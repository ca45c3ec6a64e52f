"""What waits on whom in supervision, for the 待办 card and the sidebar (liaison.directory.todos): the
supervisor's reports to review and overdue rectifications; the party's rectifications to report."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.lights import Light
from liaison.directory.roles import Role
from liaison.directory.todos import TodoSource, register_todo
from liaison.supervision.lights import rectify_light_conditions, rectify_light_context
from liaison.supervision.models import Inspection, InspectionState
from liaison.supervision.policies import party_filter


def reports_to_review(user: Any) -> Any:
    return Inspection.objects.filter(state=InspectionState.REVIEWING)


def rectifications_overdue(user: Any) -> Any:
    return Inspection.objects.filter(rectify_light_conditions(rectify_light_context())[Light.RED])


def rectifications_to_report(user: Any) -> Any:
    return Inspection.objects.filter(party_filter(user), state=InspectionState.RECTIFYING)


register_todo(
    TodoSource(
        "supervision.reports",
        _("整改报告待审核"),
        "supervision:inspections",
        frozenset({Role.SUPERVISOR}),
        reports_to_review,
        query="?state=reviewing",
        order=90,
    )
)
register_todo(
    TodoSource(
        "supervision.overdue",
        _("整改超期"),
        "supervision:inspections",
        frozenset({Role.SUPERVISOR}),
        rectifications_overdue,
        query="?light=red",
        order=91,
    )
)
register_todo(
    TodoSource(
        "supervision.rectify",
        _("监督检查待整改"),
        "supervision:inspections",
        frozenset({Role.OFFICER, Role.DEPARTMENT_ADMIN}),
        rectifications_to_report,
        query="?state=rectifying",
        order=92,
    )
)
