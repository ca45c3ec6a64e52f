"""Supervision's kind of deadline (liaison.deadlines): the inspected party's rectification."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

RECTIFY = register(
    DeadlineKind("supervision.rectify", _("监督检查整改期限"), warning_days=3, repeat_days=2, order=90)
)
