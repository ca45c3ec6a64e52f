from .exchange import ImportJob, ImportJobStatus
from .guide import GuideAssignment, GuideChange, GuideChangeStatus
from .item import ApprovalItem, ItemPrerequisite, MaterialForm, MaterialRequirement

__all__ = [
    "ApprovalItem",
    "GuideAssignment",
    "GuideChange",
    "GuideChangeStatus",
    "ImportJob",
    "ImportJobStatus",
    "ItemPrerequisite",
    "MaterialForm",
    "MaterialRequirement",
]
