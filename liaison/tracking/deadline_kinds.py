"""Tracking's kinds of deadline (liaison.deadlines): project items and the enterprise's dated to-dos."""

from django.utils.translation import gettext_lazy as _

from liaison.deadlines.kinds import DeadlineKind, register

ITEM = register(
    DeadlineKind(
        "tracking.item", _("审批事项办理期限"), warning_days=3, repeat_days=3, warning_min=1, order=10
    )
)
OBLIGATION = register(
    DeadlineKind(
        "tracking.obligation",
        _("项目单位待办事项期限"),
        warning_days=3,
        repeat_days=3,
        warning_min=1,
        order=20,
    )
)
