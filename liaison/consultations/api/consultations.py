"""/api/v1/consultations: list, the guide's inbox, one consultation; raise, withdraw, close, urge."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.pagination import paginate

from liaison.catalogue.models import ApprovalItem
from liaison.consultations.api.inputs import (
    ConsultationFilterIn,
    ConsultationRaiseIn,
    ConsultationReasonIn,
    NoteIn,
)
from liaison.consultations.api.present import detail_out
from liaison.consultations.api.schemas import ConsultationDetailOut, ConsultationRowOut
from liaison.consultations.lights import SEVERITY
from liaison.consultations.models import Consultation, ConsultationState
from liaison.consultations.selectors.consultations import (
    consultation_detail,
    consultation_get,
    consultation_list,
    guide_inbox,
)
from liaison.consultations.services.consultations import (
    consultation_close,
    consultation_raise,
    consultation_urge,
    consultation_withdraw,
)
from liaison.core.bounds import Id
from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.paging import ApiPagination
from liaison.deadlines.lights import Light
from liaison.directory.roles import Role
from liaison.intake.selectors.projects import access_project

router = Router(tags=["consultations"])
LIGHTS = [light for light in SEVERITY if light != Light.PAUSED]


def access_consultation(request: HttpRequest, consultation_id: int) -> Consultation:
    """The consultation if the caller may see it; missing and forbidden both answer 404."""
    return consultation_get(request.user, consultation_id)


def detail_response(request: HttpRequest, consultation_id: int) -> dict[str, Any]:
    return detail_out(request.user, consultation_detail(request.user, consultation_id))


@router.get("", response=list[ConsultationRowOut], summary="Consultations the caller may see, with lights")
@paginate(ApiPagination)
def list_consultations(request: HttpRequest, filters: Query[ConsultationFilterIn]) -> Any:
    """Waiting ones first by urgency (red, yellow, unknown, green), then the rest newest first."""
    if filters.state and filters.state != "pending" and filters.state not in ConsultationState.values:
        raise DomainError(
            _("未知的咨询状态，可选：pending、%(s)s。") % {"s": "、".join(ConsultationState.values)},
            field="state",
        )
    if filters.light and filters.light not in LIGHTS:
        raise DomainError(_("未知的提示灯，可选：%(l)s。") % {"l": "、".join(LIGHTS)}, field="light")
    return consultation_list(
        request.user,
        state=filters.state,
        light=filters.light,
        department_id=filters.department,
        project_id=filters.project,
    )


@router.get("/inbox", response=list[ConsultationRowOut], summary="The guide's 待回复, most urgent first")
@paginate(ApiPagination)
def inbox(request: HttpRequest) -> Any:
    user: Any = request.user
    if not user.has_role(Role.GUIDE):
        raise PermissionDenied(_("只有专职指导员有待回复列表。"))
    return guide_inbox(user)


@router.post("", response={201: ConsultationDetailOut}, summary="Raise a consultation (the officer)")
def raise_consultation(request: HttpRequest, payload: ConsultationRaiseIn) -> Any:
    project = access_project(request.user, payload.project_id)
    item = None
    if payload.approval_item is not None:
        item = ApprovalItem.objects.filter(pk=payload.approval_item).first()
        if item is None:
            raise DomainError(_("所涉审批事项不存在。"), field="approval_item")
    consultation = consultation_raise(
        actor=request.user,
        project=project,
        subject=payload.subject,
        situation=payload.situation,
        requests=payload.requests,
        channel=payload.channel,
        approval_item=item,
        project_items=payload.project_items,
        held_on=payload.held_on,
        participants=payload.participants,
        contact_notes=payload.contact_notes,
        wanted_reply_by=payload.wanted_reply_by,
    )
    return Status(201, detail_response(request, consultation.pk))


@router.get(
    "/{consultation_id}",
    response=ConsultationDetailOut,
    summary="One consultation: chain, history, replies with materials, receipts, follow-ups, next steps",
)
def get_consultation(request: HttpRequest, consultation_id: Id) -> Any:
    return detail_response(request, consultation_id)


@router.post("/{consultation_id}/withdraw", response=ConsultationDetailOut, summary="Withdraw (the officer)")
def withdraw(request: HttpRequest, consultation_id: Id, payload: ConsultationReasonIn) -> Any:
    consultation = access_consultation(request, consultation_id)
    consultation_withdraw(actor=request.user, consultation=consultation, reason=payload.reason)
    return detail_response(request, consultation_id)


@router.post("/{consultation_id}/close", response=ConsultationDetailOut, summary="Close (the officer)")
def close(request: HttpRequest, consultation_id: Id, payload: NoteIn) -> Any:
    consultation = access_consultation(request, consultation_id)
    consultation_close(actor=request.user, consultation=consultation, note=payload.note)
    return detail_response(request, consultation_id)


@router.post("/{consultation_id}/urge", response=ConsultationDetailOut, summary="催办 (the centre)")
def urge(request: HttpRequest, consultation_id: Id, payload: NoteIn) -> Any:
    consultation = access_consultation(request, consultation_id)
    consultation_urge(actor=request.user, consultation=consultation, note=payload.note)
    return detail_response(request, consultation_id)
