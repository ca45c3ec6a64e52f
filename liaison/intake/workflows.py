"""The entrustment request's state machine (Art. 7, 12), declared once."""

from django.utils.translation import gettext_lazy as _

from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role
from liaison.intake.models import EntrustmentStatus as S

APPLICANT = frozenset({Role.APPLICANT})
CENTRE = frozenset({Role.CENTER_ADMIN})

ENTRUSTMENT_WORKFLOW = Workflow(
    name="entrustment",
    states={s.value: s.label for s in S},
    initial=S.DRAFT,
    transitions=(
        Transition("submit", frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, APPLICANT, _("提交申请")),
        Transition(
            "withdraw", frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED}), S.WITHDRAWN, APPLICANT, _("撤回申请")
        ),
        Transition("return", frozenset({S.SUBMITTED}), S.RETURNED, CENTRE, _("退回补充")),
        Transition("accept", frozenset({S.SUBMITTED}), S.ACCEPTED, CENTRE, _("受理")),
        Transition("reject", frozenset({S.SUBMITTED}), S.REJECTED, CENTRE, _("不予受理")),
        Transition("conclude", frozenset({S.ACCEPTED}), S.CONCLUDED, CENTRE, _("服务办结或终止")),
    ),
)
