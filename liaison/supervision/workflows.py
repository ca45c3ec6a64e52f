"""The spot check (监督检查), declared once: the supervisor records findings and either closes the
inspection or requires rectification by a deadline; the inspected party (the officer for a project or an
officer, the department's administrator for a guide or a department) reports; the supervisor accepts
(closes) or sends it back."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role
from liaison.supervision.models import InspectionState

S = InspectionState
SUPERVISOR = frozenset({Role.SUPERVISOR})
PARTY = frozenset({Role.OFFICER, Role.DEPARTMENT_ADMIN})

INSPECTION_WORKFLOW = Workflow(
    name="inspection",
    states={s.value: s.label for s in S},
    initial=S.OPEN,
    transitions=(
        Transition("require", frozenset({S.OPEN}), S.RECTIFYING, SUPERVISOR, _("要求整改")),
        Transition("report", frozenset({S.RECTIFYING}), S.REVIEWING, PARTY, _("报告整改情况")),
        Transition("send_back", frozenset({S.REVIEWING}), S.RECTIFYING, SUPERVISOR, _("整改不到位，退回")),
        Transition("close", frozenset({S.OPEN, S.REVIEWING}), S.CLOSED, SUPERVISOR, _("办结")),
    ),
)
