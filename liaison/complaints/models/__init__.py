from liaison.complaints.models.complaint import (
    ALL_STATES,
    SUBSTANTIATED_FINDINGS,
    BusinessState,
    Complaint,
    Evidence,
    Finding,
    IntegrityState,
    Satisfaction,
    SubjectKind,
    Track,
)
from liaison.complaints.models.work import (
    ComplaintSettings,
    ComplaintStep,
    Cooperation,
    CooperationKind,
    Transfer,
)

__all__ = [
    "ALL_STATES",
    "SUBSTANTIATED_FINDINGS",
    "BusinessState",
    "Complaint",
    "ComplaintSettings",
    "ComplaintStep",
    "Cooperation",
    "CooperationKind",
    "Evidence",
    "Finding",
    "IntegrityState",
    "Satisfaction",
    "SubjectKind",
    "Track",
    "Transfer",
]
