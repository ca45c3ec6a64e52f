"""/api/v1/consultations/{id}: forward and accept (首问负责), the opinion reply, relay, confirm-read, follow-up."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from liaison.catalogue.models import ApprovalItem
from liaison.consultations.api.consultations import access_consultation, detail_response
from liaison.consultations.api.inputs import FollowUpIn, ForwardIn, RelayIn, ReplyIn
from liaison.consultations.api.present import reply_out
from liaison.consultations.api.schemas import ConsultationDetailOut, FollowUpOut, ReplyOut
from liaison.consultations.services.relay import (
    consultation_confirm_read,
    consultation_follow_up,
    consultation_relay,
)
from liaison.consultations.services.replies import MaterialLine, ReplyForm, consultation_reply
from liaison.consultations.services.routing import consultation_accept_forward, consultation_forward
from liaison.core.bounds import Id
from liaison.core.errors import DomainError

router = Router(tags=["consultations"])


@router.post(
    "/{consultation_id}/forward",
    response=ConsultationDetailOut,
    summary="Forward to the guide of the item it belongs to (the guide addressed; stays first contact)",
)
def forward(request: HttpRequest, consultation_id: Id, payload: ForwardIn) -> Any:
    consultation = access_consultation(request, consultation_id)
    to_item = ApprovalItem.objects.select_related("department").filter(pk=payload.to_item).first()
    if to_item is None:
        raise DomainError(_("所选审批事项不存在。"), field="to_item")
    consultation_forward(actor=request.user, consultation=consultation, to_item=to_item, note=payload.note)
    return detail_response(request, consultation_id)


@router.post(
    "/{consultation_id}/accept-forward",
    response=ConsultationDetailOut,
    summary="Accept a forwarded consultation (the guide it was forwarded to)",
)
def accept_forward(request: HttpRequest, consultation_id: Id) -> Any:
    consultation = access_consultation(request, consultation_id)
    consultation_accept_forward(actor=request.user, consultation=consultation)
    return detail_response(request, consultation_id)


@router.post(
    "/{consultation_id}/reply",
    response={201: ReplyOut},
    summary="Reply with the opinion-reply form, or add a supplementary reply (the guide)",
)
def reply(request: HttpRequest, consultation_id: Id, payload: ReplyIn) -> Any:
    """A later reply on the same project item that adds a material or condition not told before is a
    supplementary notification: without `supplementary_reason` it is refused (400, field
    `supplementary_reason`, the added entries in `errors.added`)."""
    consultation = access_consultation(request, consultation_id)
    data = payload.dict()
    materials = [MaterialLine(**m) for m in data.pop("materials")]
    saved = consultation_reply(
        actor=request.user, consultation=consultation, form=ReplyForm(**data, materials=list(materials))
    )
    return Status(201, reply_out(saved))


@router.post(
    "/{consultation_id}/relay",
    response=ConsultationDetailOut,
    summary="Relay the opinion to the enterprise (the officer; the original stays attached)",
)
def relay(request: HttpRequest, consultation_id: Id, payload: RelayIn) -> Any:
    consultation = access_consultation(request, consultation_id)
    consultation_relay(actor=request.user, consultation=consultation, text=payload.text)
    return detail_response(request, consultation_id)


@router.post(
    "/{consultation_id}/confirm-read",
    response=ConsultationDetailOut,
    summary="Confirm the relayed opinion was read (the enterprise)",
)
def confirm_read(request: HttpRequest, consultation_id: Id) -> Any:
    consultation = access_consultation(request, consultation_id)
    consultation_confirm_read(actor=request.user, consultation=consultation)
    return detail_response(request, consultation_id)


@router.post(
    "/{consultation_id}/follow-up",
    response={201: FollowUpOut},
    summary="Record what was done on the opinion (the officer)",
)
def follow_up(request: HttpRequest, consultation_id: Id, payload: FollowUpIn) -> Any:
    consultation = access_consultation(request, consultation_id)
    row = consultation_follow_up(actor=request.user, consultation=consultation, action=payload.action)
    return Status(
        201, {"id": row.pk, "officer": row.officer.display_name, "action": row.action, "at": row.at}
    )
