"""Evaluation's kinds of deadline (liaison.deadlines): the enterprise's invitation to evaluate, each step
of a bad review's follow-up, and the return visits."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

INVITATION = register(
    DeadlineKind("evaluation.invitation", _("项目单位评价期限"), warning_days=1, repeat_days=5, order=80)
)
VERIFY = register(
    DeadlineKind("evaluation.verify", _("差评回访核实期限"), warning_days=1, repeat_days=1, order=81)
)
RECTIFY = register(
    DeadlineKind("evaluation.rectify", _("差评整改期限"), warning_days=3, repeat_days=2, order=82)
)
RETURN = register(
    DeadlineKind("evaluation.return", _("整改后回访期限"), warning_days=1, repeat_days=2, order=83)
)
VISIT = register(DeadlineKind("evaluation.visit", _("动态回访期限"), warning_days=3, repeat_days=5, order=84))


def follow_up_kind(state: str) -> DeadlineKind | None:
    """The kind of deadline a follow-up in `state` waits on."""
    return {"verifying": VERIFY, "rectifying": RECTIFY, "returning": RETURN}.get(state)
