"""API input and output shapes for the catalogue (departments, items, guide changes)."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Field, Schema

from liaison.catalogue.models import ApprovalItem, GuideChange
from liaison.catalogue.selectors.guides import guide_contacts
from liaison.catalogue.selectors.items import current_assignment
from liaison.core.bounds import Count, Days, Id, IdList


def _viewer(context: Any) -> Any:
    request = (context or {}).get("request")
    return getattr(request, "user", None)


class DepartmentIn(Schema):
    code: str = Field(..., max_length=32)
    name: str = Field(..., max_length=100)
    short_name: str = Field("", max_length=40)
    address: str = Field("", max_length=200)
    phone: str = Field("", max_length=40)
    sort_order: Count = 100


class DepartmentPatch(Schema):
    code: str | None = Field(None, max_length=32)
    name: str | None = Field(None, max_length=100)
    short_name: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    sort_order: Count | None = None
    is_active: bool | None = None


class DepartmentOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    address: str
    phone: str
    sort_order: int
    is_active: bool
    item_count: int = 0

    @staticmethod
    def resolve_item_count(obj: Any) -> int:
        count = getattr(obj, "item_count", None)
        return count if count is not None else obj.items.filter(is_active=True).count()


class DepartmentRef(Schema):
    id: int
    code: str
    name: str


class ItemRef(Schema):
    id: int
    code: str
    name: str
    department_id: int
    is_active: bool


class GuideContactOut(Schema):
    id: int
    name: str
    post: str
    mobile: str
    office_phone: str
    masked: bool


class PersonRef(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.display_name)


class ItemMaterialIn(Schema):
    name: str = Field(..., max_length=200)
    form: str = "original"
    copies: Count = 1
    required: bool = True
    issuing_body: str = Field("", max_length=100)
    notes: str = Field("", max_length=300)


class ItemMaterialOut(Schema):
    seq: int
    name: str
    form: str
    form_label: str
    copies: int
    required: bool
    issuing_body: str
    notes: str

    @staticmethod
    def resolve_form_label(obj: Any) -> str:
        return str(obj.get_form_display())


class GuideAssignmentOut(Schema):
    guide: PersonRef
    start_date: datetime.date
    end_date: datetime.date | None
    is_active: bool


class ApprovalItemOut(Schema):
    id: int
    code: str
    name: str
    department: DepartmentRef
    stage: str
    stage_label: str
    time_limit_days: int
    statutory_limit_days: int | None
    is_active: bool
    current_guide: GuideContactOut | None = None

    @staticmethod
    def resolve_stage_label(obj: ApprovalItem) -> str:
        return str(obj.get_stage_display())

    @staticmethod
    def resolve_current_guide(obj: ApprovalItem, context: Any) -> dict[str, Any] | None:
        assignment = current_assignment(obj)
        return guide_contacts(_viewer(context), assignment.guide if assignment else None)


class ItemDetailOut(ApprovalItemOut):
    legal_basis: str
    fee_note: str
    location: str
    conditions: str
    procedure: str
    updated_at: datetime.datetime
    materials: list[ItemMaterialOut]
    prerequisites: list[ItemRef]
    dependents: list[ItemRef]
    guide_history: list[GuideAssignmentOut]

    @staticmethod
    def resolve_materials(obj: ApprovalItem) -> list[Any]:
        return list(obj.materials.all())

    @staticmethod
    def resolve_prerequisites(obj: ApprovalItem) -> list[Any]:
        return list(obj.prerequisites.all())

    @staticmethod
    def resolve_dependents(obj: ApprovalItem) -> list[Any]:
        return list(obj.dependents.all())

    @staticmethod
    def resolve_guide_history(obj: ApprovalItem) -> list[Any]:
        history = getattr(obj, "assignment_history", None)
        if history is None:
            history = list(obj.guide_assignments.select_related("guide").order_by("-start_date", "-id"))
        return list(history)


class ItemIn(Schema):
    code: str = Field(..., max_length=40)
    name: str = Field(..., max_length=200)
    department_id: Id
    stage: str
    time_limit_days: Days
    statutory_limit_days: Days | None = None
    legal_basis: str = ""
    fee_note: str = Field("不收费", max_length=300)
    location: str = Field("", max_length=200)
    conditions: str = ""
    procedure: str = ""
    materials: list[ItemMaterialIn] = []
    prerequisite_ids: IdList = []


class ItemPatch(Schema):
    code: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    department_id: Id | None = None
    stage: str | None = None
    time_limit_days: Days | None = None
    statutory_limit_days: Days | None = None
    legal_basis: str | None = None
    fee_note: str | None = Field(None, max_length=300)
    location: str | None = Field(None, max_length=200)
    conditions: str | None = None
    procedure: str | None = None
    materials: list[ItemMaterialIn] | None = None
    prerequisite_ids: IdList | None = None
    is_active: bool | None = None


class GuideChangeIn(Schema):
    new_guide_id: Id
    effective_date: datetime.date
    reason: str = Field(..., max_length=300)


class DecisionIn(Schema):
    note: str = Field("", max_length=300)


class GuideChangeOut(Schema):
    id: int
    item: ItemRef
    department: DepartmentRef
    previous_guide: PersonRef | None
    new_guide: GuideContactOut
    effective_date: datetime.date
    reason: str
    status: str
    status_label: str
    proposed_by: PersonRef
    proposed_at: datetime.datetime
    decided_by: PersonRef | None
    decided_at: datetime.datetime | None
    decision_note: str

    @staticmethod
    def resolve_department(obj: GuideChange) -> Any:
        return obj.item.department

    @staticmethod
    def resolve_status_label(obj: GuideChange) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_new_guide(obj: GuideChange, context: Any) -> dict[str, Any] | None:
        return guide_contacts(_viewer(context), obj.new_guide)
