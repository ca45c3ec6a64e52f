"""Complaints' kinds of deadline (liaison.deadlines): the reply to a business complaint, the department's
cooperation answer, the supervisors' registration of an integrity complaint, the centre's answer to a
supervisors' cooperation task."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

REPLY = register(
    DeadlineKind("complaints.reply", _("业务投诉答复期限"), warning_days=3, repeat_days=2, order=90)
)
COOPERATION = register(
    DeadlineKind("complaints.cooperation", _("部门协助调查答复期限"), warning_days=1, repeat_days=2, order=91)
)
REGISTRATION = register(
    DeadlineKind("complaints.registration", _("廉政投诉登记期限"), warning_days=1, repeat_days=1, order=92)
)
TASK = register(
    DeadlineKind("complaints.task", _("纪检协查任务答复期限"), warning_days=1, repeat_days=2, order=93)
)
