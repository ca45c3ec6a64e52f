"""The assessment's state machines, declared once: a method is drafted, then published (the earlier
published version is superseded); a period is drafted, computed as a preview (recomputable, scores may be
adjusted), then published and frozen."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.assessment.models import MethodState, PeriodState
from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role

LEADER = frozenset({Role.CENTER_LEADER})
M, P = MethodState, PeriodState

METHOD_WORKFLOW = Workflow(
    name="assessment_method",
    states={s.value: s.label for s in M},
    initial=M.DRAFT,
    transitions=(
        Transition("edit", frozenset({M.DRAFT}), M.DRAFT, LEADER, _("修改考核办法")),
        Transition("publish", frozenset({M.DRAFT}), M.PUBLISHED, LEADER, _("发布考核办法")),
        Transition("supersede", frozenset({M.PUBLISHED}), M.SUPERSEDED, LEADER, _("由新版本替代")),
    ),
)

PERIOD_WORKFLOW = Workflow(
    name="assessment_period",
    states={s.value: s.label for s in P},
    initial=P.DRAFT,
    transitions=(
        Transition("compute", frozenset({P.DRAFT, P.COMPUTED}), P.COMPUTED, LEADER, _("计算考核结果")),
        Transition("adjust", frozenset({P.COMPUTED}), P.COMPUTED, LEADER, _("调整得分")),
        Transition("publish", frozenset({P.COMPUTED}), P.PUBLISHED, LEADER, _("发布考核结果")),
    ),
)
