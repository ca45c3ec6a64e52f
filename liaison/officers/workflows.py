"""The officer status graph (Art. 6 tracking), declared once as data.

A transition not listed here is refused; side effects (record entry, notification, audit)
belong to the calling service, not to the graph.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.core.workflow import Transition, Workflow
from liaison.directory.roles import Role
from liaison.officers.models import OfficerStatus

MANAGERS = frozenset({Role.CENTER_ADMIN})

OFFICER_WORKFLOW = Workflow(
    name="officer",
    states={s.value: s.label for s in OfficerStatus},
    initial=OfficerStatus.ACTIVE,
    transitions=(
        Transition(
            "suspend", frozenset({OfficerStatus.ACTIVE}), OfficerStatus.SUSPENDED, MANAGERS, _("暂停派任")
        ),
        Transition(
            "reinstate", frozenset({OfficerStatus.SUSPENDED}), OfficerStatus.ACTIVE, MANAGERS, _("恢复派任")
        ),
    ),
)

# source status -> the statuses it may move to, read off the workflow above.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    state: frozenset(t.target for t in OFFICER_WORKFLOW.transitions if state in t.sources)
    for state in OFFICER_WORKFLOW.states
}


def transition_allowed(source: str, target: str) -> bool:
    """Whether the graph lets an officer move from `source` to `target`."""
    return target in ALLOWED_TRANSITIONS.get(source, frozenset())
