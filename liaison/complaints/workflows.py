"""The two tracks of a complaint (Art. 25), declared once.

Business (业务问题): the centre registers it and names an investigator, investigates with the department
concerned, replies with its finding and measures; the complainant records satisfaction and, once, may ask
the centre's leader for a review. Integrity and conduct (廉政作风): the discipline-inspection supervisors
register, verify and conclude. Either side may move a misrouted complaint to the other track: the
transition leads to `transferred`, and the service starts the complaint again on the other track."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.complaints.models import BusinessState, IntegrityState
from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role

B = BusinessState
I = IntegrityState  # noqa: E741
CENTRE = frozenset({Role.CENTER_ADMIN})
LEADER = frozenset({Role.CENTER_LEADER})
SUPERVISORS = frozenset({Role.SUPERVISOR})
# Not a role of the directory: whoever lodged the complaint (the enterprise's account) — or the centre
# recording what a complainant said by phone.
COMPLAINANT = "complainant"
RATERS = frozenset({COMPLAINANT, Role.CENTER_ADMIN})

BUSINESS_WORKFLOW = Workflow(
    name="complaint_business",
    states={s.value: s.label for s in B},
    initial=B.RECEIVED,
    transitions=(
        Transition("register", frozenset({B.RECEIVED}), B.INVESTIGATING, CENTRE, _("登记并指定调查人")),
        Transition("reply", frozenset({B.INVESTIGATING}), B.REPLIED, CENTRE, _("调查结论并答复投诉人")),
        Transition("rate", frozenset({B.REPLIED}), B.CLOSED, RATERS, _("评价办理结果")),
        Transition("request_review", frozenset({B.CLOSED}), B.REVIEWING, RATERS, _("申请复核")),
        Transition("review", frozenset({B.REVIEWING}), B.REVIEWED, LEADER, _("复核结论")),
        Transition(
            "transfer",
            frozenset({B.RECEIVED, B.INVESTIGATING}),
            B.TRANSFERRED,
            CENTRE,
            _("移交纪检监察（廉政作风问题）"),
        ),
    ),
)

INTEGRITY_WORKFLOW = Workflow(
    name="complaint_integrity",
    states={s.value: s.label for s in I},
    initial=I.RECEIVED,
    transitions=(
        Transition("register", frozenset({I.RECEIVED}), I.VERIFYING, SUPERVISORS, _("登记并核查")),
        Transition("conclude", frozenset({I.VERIFYING}), I.CONCLUDED, SUPERVISORS, _("核查结论并办结")),
        Transition(
            "transfer",
            frozenset({I.RECEIVED, I.VERIFYING}),
            I.TRANSFERRED,
            SUPERVISORS,
            _("转中心按业务问题办理"),
        ),
    ),
)
