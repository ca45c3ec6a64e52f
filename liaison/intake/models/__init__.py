from .assignment import Assignment, AssignmentRole
from .contacts import ContactRole, EnterpriseContact
from .eligibility import EligibilityThreshold, ExchangeRate
from .entrustment import (
    Entrustment,
    EntrustmentAttachment,
    EntrustmentScope,
    EntrustmentStatus,
    EntrustmentTransition,
)
from .project import Currency, InvestmentSource, InvestorNature, KeyProjectLevel, Project
from .service_number import ServiceNumberCounter

__all__ = [
    "Assignment",
    "AssignmentRole",
    "ContactRole",
    "Currency",
    "EligibilityThreshold",
    "EnterpriseContact",
    "Entrustment",
    "EntrustmentAttachment",
    "EntrustmentScope",
    "EntrustmentStatus",
    "EntrustmentTransition",
    "ExchangeRate",
    "InvestmentSource",
    "InvestorNature",
    "KeyProjectLevel",
    "Project",
    "ServiceNumberCounter",
]
