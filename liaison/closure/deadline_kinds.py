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


def kind_waiting_in(state: str, *, handover_pending: bool = False) -> DeadlineKind | None:
    """The kind of deadline a service in `state` waits on (None: nothing waits on a date); a terminated
    service with `handover_pending` waits on the enterprise's receipt."""
    from liaison.closure.models import WAITING_ON_CENTRE, WAITING_ON_ENTERPRISE, ServiceState  # noqa: PLC0415

    if state in WAITING_ON_ENTERPRISE or (state == ServiceState.TERMINATED and handover_pending):
        return RECEIPT
    return CONFIRMATION if state in WAITING_ON_CENTRE else None


# The periods themselves (working days after the step that starts the wait) are the centre's setting:
# liaison.closure.models.ClosureSettings, read with services.settings.closure_settings().
