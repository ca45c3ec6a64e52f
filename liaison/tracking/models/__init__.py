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
from .tally import CentreCount, DueTally, OfficerDueTally, OfficerTally, RollupShapeTally

__all__ = [
    "CLOCK_STATES",
    "COUNTED_STATES",
    "FINAL_STATES",
    "OPEN_STATES",
    "PLAN_STATES",
    "CentreCount",
    "DueTally",
    "EnterpriseObligation",
    "MaterialFile",
    "MaterialStatus",
    "MaterialSubmission",
    "ObligationKind",
    "OfficerDueTally",
    "OfficerTally",
    "PlanDateProposal",
    "PlanVersion",
    "ProjectItem",
    "ProjectItemState",
    "ProjectItemTransition",
    "ProjectRollup",
    "ProposalStatus",
    "ReminderKind",
    "ReminderLog",
    "RollupShapeTally",
    "ServicePlan",
    "TrackingSettings",
]
