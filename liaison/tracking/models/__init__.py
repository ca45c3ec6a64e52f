from .item import (
    CLOCK_STATES,
    COUNTED_STATES,
    FINAL_STATES,
    OPEN_STATES,
    PLAN_STATES,
    ProjectItem,
    ProjectItemState,
    ProjectItemTransition,
)
from .materials import MaterialFile, MaterialStatus, MaterialSubmission
from .obligations import EnterpriseObligation, ObligationKind
from .plan import PlanDateProposal, PlanVersion, ProposalStatus, ServicePlan
from .reminders import ReminderKind, ReminderLog, TrackingSettings
from .rollup import ProjectRollup

__all__ = [
    "CLOCK_STATES",
    "COUNTED_STATES",
    "FINAL_STATES",
    "OPEN_STATES",
    "PLAN_STATES",
    "EnterpriseObligation",
    "MaterialFile",
    "MaterialStatus",
    "MaterialSubmission",
    "ObligationKind",
    "PlanDateProposal",
    "PlanVersion",
    "ProjectItem",
    "ProjectItemState",
    "ProjectItemTransition",
    "ProjectRollup",
    "ProposalStatus",
    "ReminderKind",
    "ReminderLog",
    "ServicePlan",
    "TrackingSettings",
]
