from .custody import CustodyEntry, CustodyKind, CustodyMovement, CustodyState
from .service import (
    ENDED_STATES,
    ENTERPRISE_REASONS,
    WAITING_ON_CENTRE,
    WAITING_ON_ENTERPRISE,
    HandoverLine,
    Service,
    ServiceState,
    ServiceStep,
    TerminationReason,
    waiting_on_enterprise_q,
)
from .settings import PERIOD_MAX, ClosureSettings

__all__ = [
    "ENDED_STATES",
    "ENTERPRISE_REASONS",
    "PERIOD_MAX",
    "WAITING_ON_CENTRE",
    "WAITING_ON_ENTERPRISE",
    "ClosureSettings",
    "CustodyEntry",
    "CustodyKind",
    "CustodyMovement",
    "CustodyState",
    "HandoverLine",
    "Service",
    "ServiceState",
    "ServiceStep",
    "TerminationReason",
    "waiting_on_enterprise_q",
]
