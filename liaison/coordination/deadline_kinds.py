"""Coordination's kinds of deadline (liaison.deadlines): what waits on the centre in a difficulty, and the
actions a progress meeting assigns."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

DIFFICULTY = register(
    DeadlineKind("coordination.difficulty", _("难点问题处理期限"), warning_days=1, repeat_days=3, order=40)
)
ACTION = register(
    DeadlineKind("coordination.action", _("督办事项完成时限"), warning_days=1, repeat_days=3, order=50)
)
