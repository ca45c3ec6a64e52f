"""The consultation's state machine (Art. 14), declared once.

The officer raises, relays the opinion to the enterprise, and closes; the guide addressed forwards a
matter that is not theirs (首问负责) or replies with the opinion-reply form, and may add a supplementary
reply; the guide it was forwarded to accepts it; the enterprise confirms it has read the relayed opinion.
Object-level rules live in policies.py; side effects in services/.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.consultations.models import ConsultationState
from liaison.core.workflow import SYSTEM_ROLE, Transition, Workflow
from liaison.directory.roles import Role

S = ConsultationState
OFFICER = frozenset({Role.OFFICER})
GUIDE = frozenset({Role.GUIDE})
APPLICANT = frozenset({Role.APPLICANT})
ANSWERED = frozenset({S.REPLIED, S.RELAYED, S.CONFIRMED})
SYSTEM = frozenset({SYSTEM_ROLE})

CONSULTATION_WORKFLOW = Workflow(
    name="consultation",
    states={s.value: s.label for s in S},
    initial=S.AWAITING_REPLY,
    transitions=(
        Transition("forward", frozenset({S.AWAITING_REPLY, S.FORWARDED}), S.FORWARDED, GUIDE, _("转办")),
        Transition("accept_forward", frozenset({S.FORWARDED}), S.AWAITING_REPLY, GUIDE, _("接收转办")),
        Transition("reply", frozenset({S.AWAITING_REPLY}), S.REPLIED, GUIDE, _("答复")),
        Transition("supplement", ANSWERED, S.REPLIED, GUIDE, _("补充答复")),
        Transition("relay", frozenset({S.REPLIED}), S.RELAYED, OFFICER, _("转告企业")),
        Transition("confirm", frozenset({S.RELAYED}), S.CONFIRMED, APPLICANT, _("确认已阅")),
        Transition("close", frozenset({S.RELAYED, S.CONFIRMED}), S.CLOSED, OFFICER, _("办结")),
        Transition("withdraw", frozenset({S.AWAITING_REPLY, S.FORWARDED}), S.WITHDRAWN, OFFICER, _("撤回")),
        # The project's service ended (办结 or 终止): what still waits on a guide is withdrawn, what was
        # answered is closed; recorded on the consultation, the guide told (services/service_end.py).
        Transition(
            "withdraw_with_service",
            frozenset({S.AWAITING_REPLY, S.FORWARDED}),
            S.WITHDRAWN,
            SYSTEM,
            _("服务结束，撤回"),
        ),
        Transition("close_with_service", ANSWERED, S.CLOSED, SYSTEM, _("服务结束，办结")),
    ),
)
