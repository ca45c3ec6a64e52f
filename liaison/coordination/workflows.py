"""The difficulty's state machine (Art. 18–19), declared once.

The officer resolves what they can or reports it to the centre; the centre resolves it with the
departments, sends it back to the officer, or proposes a major issue for the district project office,
which the centre's leader approves (or declines: the centre goes on coordinating); the project office
(or the centre recording for it) notes progress and concludes; the centre feeds the result back to the
officer and the enterprise. Side effects live in services/difficulties.py.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.coordination.models import DifficultyState
from liaison.core.workflow import SYSTEM_ROLE, Transition, Workflow
from liaison.directory.roles import Role

S = DifficultyState
OFFICER = frozenset({Role.OFFICER})
CENTRE = frozenset({Role.CENTER_ADMIN})
LEADER = frozenset({Role.CENTER_LEADER})
CENTRE_OR_OFFICE = frozenset({Role.CENTER_ADMIN, Role.PROJECT_OFFICE})
SYSTEM = frozenset({SYSTEM_ROLE})
FINAL = frozenset({S.RESOLVED, S.WITHDRAWN})

DIFFICULTY_WORKFLOW = Workflow(
    name="difficulty",
    states={s.value: s.label for s in S},
    initial=S.OPEN,
    transitions=(
        Transition("resolve", frozenset({S.OPEN}), S.RESOLVED, OFFICER, _("已自行协调解决")),
        Transition("report", frozenset({S.OPEN}), S.REPORTED, OFFICER, _("上报中心")),
        Transition("withdraw", frozenset({S.OPEN, S.REPORTED}), S.WITHDRAWN, OFFICER, _("撤回")),
        Transition("centre_resolve", frozenset({S.REPORTED}), S.RESOLVED, CENTRE, _("中心协调解决")),
        Transition("send_back", frozenset({S.REPORTED}), S.OPEN, CENTRE, _("退回联络官继续协调")),
        Transition("escalate", frozenset({S.REPORTED}), S.AWAITING_APPROVAL, CENTRE, _("提请提交区项目办")),
        Transition(
            "approve_escalation", frozenset({S.AWAITING_APPROVAL}), S.ESCALATED, LEADER, _("批准提交区项目办")
        ),
        Transition(
            "decline_escalation",
            frozenset({S.AWAITING_APPROVAL}),
            S.REPORTED,
            LEADER,
            _("不同意提交（中心继续协调）"),
        ),
        Transition("progress", frozenset({S.ESCALATED}), S.ESCALATED, CENTRE_OR_OFFICE, _("记录协调进展")),
        Transition("conclude", frozenset({S.ESCALATED}), S.CONCLUDED, CENTRE_OR_OFFICE, _("协调完毕")),
        Transition("feed_back", frozenset({S.CONCLUDED}), S.RESOLVED, CENTRE, _("反馈联络官和项目单位")),
        # The project's service ended (办结 or 终止): what is still being coordinated ends with it, recorded,
        # and whoever it waited on is told (services/service_end.py).
        Transition(
            "end_with_service",
            frozenset(S.values) - FINAL,
            S.WITHDRAWN,
            SYSTEM,
            _("服务结束，不再协调"),
        ),
    ),
)

# Steps whose comment is the outcome of the difficulty (kept on the difficulty itself).
OUTCOME_STEPS = frozenset({"resolve", "centre_resolve", "conclude", "feed_back"})
