"""Publicity's kind of deadline (liaison.deadlines): the centre's answer to an enquiry (Art. 12)."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

ENQUIRY = register(
    DeadlineKind("publicity.enquiry", _("咨询答复期限"), warning_days=1, repeat_days=1, order=90)
)
