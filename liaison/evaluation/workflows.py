"""The follow-up of a bad review (差评处理), declared once: the centre verifies with the evaluator; a
confirmed review goes to the officer or the department to rectify; the responsible party reports; the
centre returns to the evaluator and records whether they accept. An upheld appeal closes it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role
from liaison.evaluation.models import FollowUpState

F = FollowUpState
CENTRE = frozenset({Role.CENTER_ADMIN})
LEADER = frozenset({Role.CENTER_LEADER})
# The responsible party: the officer named, or the department's administrator (for its guides).
RESPONSIBLE = frozenset({Role.OFFICER, Role.DEPARTMENT_ADMIN})

FOLLOW_UP_WORKFLOW = Workflow(
    name="follow_up",
    states={s.value: s.label for s in F},
    initial=F.VERIFYING,
    transitions=(
        Transition("confirm", frozenset({F.VERIFYING}), F.RECTIFYING, CENTRE, _("核实属实并交办整改")),
        Transition("dismiss", frozenset({F.VERIFYING}), F.UNFOUNDED, CENTRE, _("核实不属实")),
        Transition("report", frozenset({F.RECTIFYING}), F.RETURNING, RESPONSIBLE, _("报告整改情况")),
        Transition(
            "send_back", frozenset({F.RETURNING}), F.RECTIFYING, CENTRE, _("整改不到位，退回重新整改")
        ),
        Transition("close", frozenset({F.RETURNING}), F.CLOSED, CENTRE, _("记录回访结果并办结")),
        Transition(
            "appeal_upheld",
            frozenset({F.VERIFYING, F.RECTIFYING, F.RETURNING}),
            F.CLOSED,
            LEADER,
            _("申诉成立，终止处理"),
        ),
    ),
)
