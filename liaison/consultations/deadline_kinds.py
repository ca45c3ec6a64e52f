"""Consultations' kind of deadline (liaison.deadlines): a guide's reply."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

REPLY = register(
    DeadlineKind("consultation.reply", _("咨询答复期限"), warning_days=1, repeat_days=2, order=30)
)
