"""Closure's kinds of deadline (liaison.deadlines): the enterprise confirms the handover, the centre
confirms the completion or the termination."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

RECEIPT = register(
    DeadlineKind("closure.receipt", _("项目单位确认资料移交期限"), warning_days=1, repeat_days=2, order=60)
)
CONFIRMATION = register(
    DeadlineKind("closure.confirmation", _("中心确认办结或终止期限"), warning_days=1, repeat_days=2, order=70)
)
# The periods themselves, in working days after the step that starts the wait.
RECEIPT_DAYS = 5
CONFIRMATION_DAYS = 3
