"""The service's state machine (Art. 15, 16, Art. 3), declared once.

The officer (or the centre, when the enterprise asks to close with items still open) prepares completion
with the handover list; the enterprise confirms receipt or returns it with its objections; the centre
confirms the completion (办结手续). The enterprise may ask to end the voluntary service at any time, the
centre may end it when the project lacks the conditions to be completed; the centre confirms the
termination. Side effects live in services/completion.py and services/termination.py.

A custody register entry (Art. 10(6)) is received into the officer's keeping (its first movement), may be
lent to a department and returned, moved to another place or holder, and is handed over to the enterprise
when the enterprise confirms receipt of the handover list. Side effects live in services/custody.py.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.closure.models import CustodyState, ServiceState
from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role

S = ServiceState
OFFICER_OR_CENTRE = frozenset({Role.OFFICER, Role.CENTER_ADMIN})
ENTERPRISE = frozenset({Role.APPLICANT})
CENTRE = frozenset({Role.CENTER_ADMIN})
ENTERPRISE_OR_CENTRE = frozenset({Role.APPLICANT, Role.CENTER_ADMIN})
RUNNING = frozenset({S.IN_SERVICE, S.COMPLETION_PREPARED, S.RECEIPT_CONFIRMED})

SERVICE_WORKFLOW = Workflow(
    name="service",
    states={s.value: s.label for s in S},
    initial=S.IN_SERVICE,
    transitions=(
        Transition(
            "prepare_completion",
            frozenset({S.IN_SERVICE}),
            S.COMPLETION_PREPARED,
            OFFICER_OR_CENTRE,
            _("提交办结及资料移交清单"),
        ),
        Transition(
            "confirm_receipt",
            frozenset({S.COMPLETION_PREPARED}),
            S.RECEIPT_CONFIRMED,
            ENTERPRISE,
            _("确认收到资料"),
        ),
        Transition(
            "dispute_handover",
            frozenset({S.COMPLETION_PREPARED}),
            S.IN_SERVICE,
            ENTERPRISE,
            _("对移交清单提出异议"),
        ),
        Transition(
            "confirm_completion", frozenset({S.RECEIPT_CONFIRMED}), S.COMPLETED, CENTRE, _("确认办结")
        ),
        Transition(
            "request_termination", RUNNING, S.TERMINATION_REQUESTED, ENTERPRISE_OR_CENTRE, _("申请终止委托")
        ),
        Transition(
            "withdraw_termination",
            frozenset({S.TERMINATION_REQUESTED}),
            S.IN_SERVICE,
            ENTERPRISE_OR_CENTRE,
            _("撤回终止申请"),
        ),
        Transition(
            "confirm_termination", frozenset({S.TERMINATION_REQUESTED}), S.TERMINATED, CENTRE, _("确认终止")
        ),
        # Art. 16: the documents listed at termination are handed over; only while that receipt is pending.
        Transition(
            "confirm_termination_receipt",
            frozenset({S.TERMINATED}),
            S.TERMINATED,
            ENTERPRISE,
            _("确认收到终止移交的资料"),
            when=lambda service: service.termination_handover_pending,
            unmet=_("没有待确认的终止移交资料。"),
        ),
    ),
)

C = CustodyState
OFFICER = frozenset({Role.OFFICER})

CUSTODY_WORKFLOW = Workflow(
    name="custody",
    states={s.value: s.label for s in C},
    initial=C.HELD,
    transitions=(
        Transition("lend", frozenset({C.HELD}), C.LENT, OFFICER, _("借出至部门")),
        Transition("give_back", frozenset({C.LENT}), C.HELD, OFFICER, _("归还")),
        Transition("relocate", frozenset({C.HELD}), C.HELD, OFFICER, _("变更存放位置或保管人")),
        # Only through the handover list: the enterprise's confirmation of receipt moves the entries.
        Transition(
            "hand_over", frozenset({C.HELD}), C.HANDED_OVER, frozenset({Role.APPLICANT}), _("移交项目单位")
        ),
    ),
)
# The movements an officer records on the register page (hand_over runs with the handover list).
CUSTODY_MANUAL = ("lend", "give_back", "relocate")
