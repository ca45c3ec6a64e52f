"""Input and output schemas of /api/v1/intake. Enumerations arrive as text so the services answer in Chinese."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from liaison.core.bounds import Id, IdList


class RegisterIn(Schema):
    name: str = Field(max_length=200)
    uscc: str = Field(max_length=18)
    address: str = Field(max_length=200)
    legal_representative: str = Field(max_length=50)
    username: str = Field(max_length=150)
    password: str = Field(max_length=128)
    email: str = Field(max_length=254)
    lead_name: str = Field(max_length=50)
    lead_mobile: str = Field(max_length=20)
    handler_name: str = Field(max_length=50)
    handler_mobile: str = Field(max_length=20)


class RegisteredOut(Schema):
    user_id: int
    username: str
    enterprise_id: int
    enterprise_name: str
    uscc: str


class ProjectPatchIn(Schema):
    name: str | None = Field(default=None, max_length=200)
    location: str | None = Field(default=None, max_length=200)
    content: str | None = Field(default=None, max_length=4000)
    total_investment: Decimal | None = None
    currency: str | None = Field(default=None, max_length=3)
    investor_nature: str | None = Field(default=None, max_length=12)
    investment_source: str | None = Field(default=None, max_length=10)
    key_level: str | None = Field(default=None, max_length=10)
    attraction_landed: bool | None = None
    designated: bool | None = None
    designation_document: str | None = Field(default=None, max_length=100)
    national_code: str | None = Field(default=None, max_length=40)
    current_stage: str | None = Field(default=None, max_length=32)


class ProjectIn(Schema):
    enterprise_id: Id | None = None
    name: str = Field(max_length=200)
    location: str = Field(max_length=200)
    content: str = Field(max_length=4000)
    total_investment: Decimal
    currency: str = Field(default="CNY", max_length=3)
    investor_nature: str = Field(max_length=12)
    investment_source: str = Field(max_length=10)
    key_level: str = Field(default="none", max_length=10)
    attraction_landed: bool = False
    designated: bool = False
    designation_document: str = Field(default="", max_length=100)
    national_code: str = Field(default="", max_length=40)
    current_stage: str = Field(max_length=32)


class ProjectOut(Schema):
    """A list line; resolvers read the list selector's prefetches, so a page costs a fixed number of queries."""

    id: int
    name: str
    enterprise_id: int
    enterprise_name: str
    location: str
    total_investment: Decimal
    currency: str
    current_stage: str
    service_number: str | None
    latest_status: str | None = None
    officers: list[str] = []

    @staticmethod
    def resolve_enterprise_name(obj: Any) -> str:
        return str(obj.enterprise.name)

    @staticmethod
    def resolve_latest_status(obj: Any) -> str | None:
        history = getattr(obj, "entrustment_history", None) or []
        return history[0].status if history else None

    @staticmethod
    def resolve_officers(obj: Any) -> list[str]:
        return [a.officer.user.display_name for a in getattr(obj, "active_assignments", None) or []]


class EntrustmentIn(Schema):
    project_id: Id
    scope: str = Field(max_length=10)
    stages: list[str] = []
    item_ids: IdList = []
    notes: str = Field(default="", max_length=2000)


class EntrustmentPatchIn(Schema):
    scope: str | None = Field(default=None, max_length=10)
    stages: list[str] | None = None
    item_ids: IdList | None = None
    notes: str | None = Field(default=None, max_length=2000)


class EntrustmentOut(Schema):
    id: int
    project_id: int
    project_name: str
    enterprise_name: str
    scope: str
    scope_label: str
    status: str
    status_label: str
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    eligible: bool | None

    @staticmethod
    def resolve_project_name(obj: Any) -> str:
        return str(obj.project.name)

    @staticmethod
    def resolve_enterprise_name(obj: Any) -> str:
        return str(obj.project.enterprise.name)

    @staticmethod
    def resolve_scope_label(obj: Any) -> str:
        return str(obj.get_scope_display())

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_eligible(obj: Any) -> bool | None:
        return (obj.eligibility or {}).get("eligible")


class SubmitIn(Schema):
    accept_terms: bool = False
    ineligible_reason: str = Field(default="", max_length=2000)


class EntrustmentReasonIn(Schema):
    reason: str = Field(default="", max_length=1000)


class ReturnIn(Schema):
    missing: list[str]
    comment: str = Field(default="", max_length=1000)


class CommentIn(Schema):
    comment: str = Field(default="", max_length=1000)


class DispatchIn(Schema):
    lead_id: Id
    assistant_ids: IdList = []


class ReassignIn(DispatchIn):
    reason: str = Field(max_length=300)


class SuggestionOut(Schema):
    officer_id: int
    number: str
    name: str
    open_projects: int
    stage_experience: int
    department_experience: int
    score: float
    reasons: list[str]


class OfficerAssignmentOut(Schema):
    officer_id: int
    number: str
    name: str
    role: str
    mobile: str
    is_active: bool
    order_number: str
    assigned_at: dt.datetime
    ended_at: dt.datetime | None
    end_reason: str


class ContactIn(Schema):
    role: str = Field(max_length=10)
    name: str = Field(max_length=50)
    mobile: str = Field(max_length=20)
    email: str = Field(default="", max_length=254)
    since: dt.date | None = None
    enterprise_id: Id | None = None


class ContactOut(Schema):
    id: int
    role: str
    role_label: str
    name: str
    mobile: str
    since: dt.date
    until: dt.date | None
    is_current: bool


class ThresholdIn(Schema):
    investment_source: str = Field(max_length=10)
    amount: Decimal
    currency: str = Field(max_length=3)
    effective_from: dt.date
    note: str = Field(default="", max_length=200)


class ThresholdOut(ThresholdIn):
    id: int


class RateIn(Schema):
    currency: str = Field(max_length=3)
    cny_per_unit: Decimal
    effective_date: dt.date
    source: str = Field(default="", max_length=200)


class RateOut(RateIn):
    id: int


JsonDict = dict[str, Any]
