from .assignment import Assignment, AssignmentRole
from .contacts import ContactRole, EnterpriseContact
from .document_template import DocumentKind, DocumentTemplate
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
    "DocumentKind",
    "DocumentTemplate",
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
