"""REST endpoints for the officer registry (/api/v1/officers). Thin: the same selectors and services.

Missing or hidden officers answer 404; visible ones the caller may not change answer 403.
"""

# No `from __future__ import annotations`: ninja reads the query parameter types at runtime.
import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from liaison.core.bounds import Id
from liaison.core.paging import ApiPagination
from liaison.officers.models import Officer, OfficerRecordEntry, OfficerStatus
from liaison.officers.policies import officer_allowed_actions
from liaison.officers.presentation import officer_phone
from liaison.officers.selectors.officer import access_officer, officer_list
from liaison.officers.selectors.officer_record import officer_record_list
from liaison.officers.services.officer import officer_register, officer_update
from liaison.officers.services.officer_record import officer_record_add
from liaison.officers.services.officer_status import officer_reinstate, officer_suspend

router = Router(tags=["officers"])


class OfficerOut(Schema):
    """A registry line; `mobile` is masked unless the caller may see it in full."""

    id: int
    number: str
    full_name: str
    unit: str
    mobile: str
    status: str
    status_label: str
    registered_on: datetime.date

    @staticmethod
    def resolve_full_name(obj: Officer) -> str:
        return obj.user.display_name

    @staticmethod
    def resolve_mobile(obj: Officer, context: dict[str, Any]) -> str:
        return officer_phone(context["request"].user, obj)

    @staticmethod
    def resolve_status_label(obj: Officer) -> str:
        return str(obj.get_status_display())


class OfficerDetailOut(OfficerOut):
    username: str
    email: str
    status_reason: str
    notes: str
    allowed_actions: dict[str, bool]

    @staticmethod
    def resolve_username(obj: Officer) -> str:
        return obj.user.username

    @staticmethod
    def resolve_email(obj: Officer) -> str:
        return obj.user.email

    @staticmethod
    def resolve_allowed_actions(obj: Officer, context: dict[str, Any]) -> dict[str, bool]:
        return officer_allowed_actions(context["request"].user, obj)


class OfficerRegisterIn(Schema):
    username: str = Field(max_length=150)
    full_name: str = Field(max_length=50)
    mobile: str = Field(max_length=20)
    unit: str = Field(max_length=100)
    number: str | None = Field(default=None, max_length=20)
    registered_on: datetime.date | None = None
    email: str = Field(default="", max_length=254)
    notes: str = Field(default="", max_length=2000)
    password: str | None = None


class OfficerPatchIn(Schema):
    number: str | None = Field(default=None, max_length=20)
    full_name: str | None = Field(default=None, max_length=50)
    mobile: str | None = Field(default=None, max_length=20)
    unit: str | None = Field(default=None, max_length=100)
    registered_on: datetime.date | None = None
    email: str | None = Field(default=None, max_length=254)
    notes: str | None = Field(default=None, max_length=2000)


class OfficerReasonIn(Schema):
    reason: str = Field(max_length=300)


class RecordIn(Schema):
    kind: str
    date: datetime.date
    text: str = Field(max_length=500)


class OfficerRecordOut(Schema):
    id: int
    kind: str
    kind_label: str
    date: datetime.date
    text: str
    recorded_by: str
    recorded_at: datetime.datetime

    @staticmethod
    def resolve_kind_label(obj: OfficerRecordEntry) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_recorded_by(obj: OfficerRecordEntry) -> str:
        return obj.recorded_by.display_name if obj.recorded_by else ""


@router.get("", response=list[OfficerOut], summary="List the registry")
@paginate(ApiPagination)
def list_officers(
    request: HttpRequest, q: str = "", status: OfficerStatus | None = None, unit: str = ""
) -> Any:
    return officer_list(user=request.user, keyword=q, status=status or "", unit=unit)


@router.get("/{officer_id}", response=OfficerDetailOut, summary="One officer's registration data")
def get_officer(request: HttpRequest, officer_id: Id) -> Officer:
    return access_officer(request.user, officer_id)


@router.post("", response={201: OfficerDetailOut}, summary="Register an officer")
def register_officer(request: HttpRequest, payload: OfficerRegisterIn) -> Status[Officer]:
    return Status(201, officer_register(actor=request.user, **payload.dict()))


@router.patch("/{officer_id}", response=OfficerDetailOut, summary="Correct registration data")
def patch_officer(request: HttpRequest, officer_id: Id, payload: OfficerPatchIn) -> Officer:
    officer = access_officer(request.user, officer_id)
    return officer_update(actor=request.user, officer=officer, **payload.dict(exclude_unset=True))


@router.post("/{officer_id}/suspend", response=OfficerDetailOut, summary="Suspend from dispatch")
def suspend_officer(request: HttpRequest, officer_id: Id, payload: OfficerReasonIn) -> Officer:
    officer = access_officer(request.user, officer_id)
    return officer_suspend(actor=request.user, officer=officer, reason=payload.reason)


@router.post("/{officer_id}/reinstate", response=OfficerDetailOut, summary="Reinstate")
def reinstate_officer(request: HttpRequest, officer_id: Id, payload: OfficerReasonIn) -> Officer:
    officer = access_officer(request.user, officer_id)
    return officer_reinstate(actor=request.user, officer=officer, reason=payload.reason)


@router.get("/{officer_id}/records", response=list[OfficerRecordOut], summary="The service record")
@paginate(ApiPagination)
def list_records(request: HttpRequest, officer_id: Id) -> Any:
    officer = access_officer(request.user, officer_id)
    return officer_record_list(officer=officer)


@router.post("/{officer_id}/records", response={201: OfficerRecordOut}, summary="Add a record line")
def add_record(request: HttpRequest, officer_id: Id, payload: RecordIn) -> Status[OfficerRecordEntry]:
    officer = access_officer(request.user, officer_id)
    return Status(201, officer_record_add(actor=request.user, officer=officer, **payload.dict()))
