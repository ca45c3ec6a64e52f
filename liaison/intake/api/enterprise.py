"""/api/v1/intake: public self-registration, the enterprise's contacts, and the centre's Art. 8 data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from liaison.core.addresses import client_address
from liaison.core.bounds import Id
from liaison.core.errors import NotFound, PermissionDenied
from liaison.directory.models import Enterprise
from liaison.directory.roles import CENTRE_ROLES, Role
from liaison.intake.api.present import contact_row
from liaison.intake.api.schemas import (
    ContactIn,
    ContactOut,
    RateIn,
    RateOut,
    RegisteredOut,
    RegisterIn,
    ThresholdIn,
    ThresholdOut,
)
from liaison.intake.models import EligibilityThreshold, EnterpriseContact, ExchangeRate
from liaison.intake.services.enterprises import enterprise_contact_change, enterprise_self_register
from liaison.intake.services.settings import eligibility_threshold_save, exchange_rate_save

router = Router(tags=["intake"])


@router.post(
    "/register",
    auth=None,
    response={201: RegisteredOut},
    summary="Public: an enterprise opens its account (at most five an hour from one address, else 429)",
)
def register(request: HttpRequest, payload: RegisterIn) -> tuple[int, dict[str, Any]]:
    user = enterprise_self_register(client_ip=client_address(request), **payload.dict())
    enterprise = user.enterprise
    assert enterprise is not None  # noqa: S101 - registration always links the account to its enterprise
    return 201, {
        "user_id": user.pk,
        "username": user.username,
        "enterprise_id": enterprise.pk,
        "enterprise_name": enterprise.name,
        "uscc": enterprise.uscc,
    }


def _enterprise_of(user: Any, enterprise_id: int | None) -> Enterprise:
    """The applicant's own enterprise; the centre names one. Anything else does not exist for the caller."""
    enterprise: Enterprise | None = None
    if user.has_role(Role.CENTER_ADMIN) and enterprise_id is not None:
        enterprise = Enterprise.objects.filter(pk=int(enterprise_id)).first()
    elif user.has_role(Role.APPLICANT) and user.enterprise_id and enterprise_id in (None, user.enterprise_id):
        enterprise = Enterprise.objects.filter(pk=user.enterprise_id).first()
    if enterprise is None:
        raise NotFound(_("项目单位不存在。"))
    return enterprise


@router.get("/enterprise/contacts", response=list[ContactOut], summary="Lead and handler, with history")
def list_contacts(request: HttpRequest, enterprise_id: Id | None = None) -> list[dict[str, Any]]:
    enterprise = _enterprise_of(request.user, enterprise_id)
    return [contact_row(c, full=True) for c in EnterpriseContact.objects.filter(enterprise=enterprise)]


@router.post("/enterprise/contacts", response={201: ContactOut}, summary="Change the lead or the handler")
def change_contact(request: HttpRequest, payload: ContactIn) -> tuple[int, dict[str, Any]]:
    enterprise = _enterprise_of(request.user, payload.enterprise_id)
    contact = enterprise_contact_change(
        actor=request.user,
        enterprise=enterprise,
        role=payload.role,
        name=payload.name,
        mobile=payload.mobile,
        email=payload.email,
        since=payload.since,
    )
    return 201, contact_row(contact, full=True)


def _centre_reader(user: Any) -> None:
    if not user.has_role(*CENTRE_ROLES):
        raise PermissionDenied(_("只有中心可以查看代办范围标准设置。"))


@router.get("/settings/thresholds", response=list[ThresholdOut], summary="Art. 8(1) thresholds")
def list_thresholds(request: HttpRequest) -> Any:
    _centre_reader(request.user)
    return list(EligibilityThreshold.objects.all())


@router.post("/settings/thresholds", response={201: ThresholdOut}, summary="Add a threshold")
def add_threshold(request: HttpRequest, payload: ThresholdIn) -> tuple[int, EligibilityThreshold]:
    return 201, eligibility_threshold_save(actor=request.user, **payload.dict())


@router.patch("/settings/thresholds/{threshold_id}", response=ThresholdOut, summary="Correct a threshold")
def edit_threshold(request: HttpRequest, threshold_id: Id, payload: ThresholdIn) -> EligibilityThreshold:
    _centre_reader(request.user)
    threshold = EligibilityThreshold.objects.filter(pk=threshold_id).first()
    if threshold is None:
        raise NotFound(_("记录不存在。"))
    return eligibility_threshold_save(actor=request.user, threshold=threshold, **payload.dict())


@router.get("/settings/rates", response=list[RateOut], summary="Exchange rates with their effective dates")
def list_rates(request: HttpRequest) -> Any:
    _centre_reader(request.user)
    return list(ExchangeRate.objects.all())


@router.post("/settings/rates", response={201: RateOut}, summary="Add an exchange rate")
def add_rate(request: HttpRequest, payload: RateIn) -> tuple[int, ExchangeRate]:
    return 201, exchange_rate_save(actor=request.user, **payload.dict())


@router.patch("/settings/rates/{rate_id}", response=RateOut, summary="Correct an exchange rate")
def edit_rate(request: HttpRequest, rate_id: Id, payload: RateIn) -> ExchangeRate:
    _centre_reader(request.user)
    rate = ExchangeRate.objects.filter(pk=rate_id).first()
    if rate is None:
        raise NotFound(_("记录不存在。"))
    return exchange_rate_save(actor=request.user, rate=rate, **payload.dict())
