"""/api/v1/intake/requests: the entrustment request and its transitions, through the same services."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router
from ninja.files import UploadedFile
from ninja.pagination import paginate

from liaison.core.bounds import Id
from liaison.core.paging import ApiPagination
from liaison.intake.api.present import entrustment_full
from liaison.intake.api.schemas import (
    CommentIn,
    EntrustmentIn,
    EntrustmentOut,
    EntrustmentPatchIn,
    EntrustmentReasonIn,
    JsonDict,
    ReturnIn,
    SubmitIn,
)
from liaison.intake.models import EntrustmentStatus
from liaison.intake.selectors.entrustments import access_entrustment, entrustment_list
from liaison.intake.selectors.projects import access_project
from liaison.intake.services.attachments import entrustment_attachment_add
from liaison.intake.services.entrustments import (
    entrustment_save_draft,
    entrustment_submit,
    entrustment_withdraw,
)
from liaison.intake.services.review import entrustment_accept, entrustment_reject, entrustment_return

router = Router(tags=["intake"])


def _full(request: HttpRequest, entrustment_id: int) -> JsonDict:
    return entrustment_full(request.user, access_entrustment(request.user, entrustment_id))


@router.get("/requests", response=list[EntrustmentOut], summary="Requests the caller may see")
@paginate(ApiPagination)
def list_requests(request: HttpRequest, status: str = "", q: str = "") -> Any:
    status = status if status in EntrustmentStatus.values else ""
    return entrustment_list(user=request.user, status=status, q=q[:100])


@router.post("/requests", response={201: JsonDict}, summary="Start a request (saved as a draft)")
def create_request(request: HttpRequest, payload: EntrustmentIn) -> tuple[int, JsonDict]:
    project = access_project(request.user, payload.project_id)
    entrustment = entrustment_save_draft(
        actor=request.user,
        project=project,
        scope=payload.scope,
        stages=payload.stages,
        item_ids=payload.item_ids,
        notes=payload.notes,
    )
    return 201, _full(request, entrustment.pk)


@router.get("/requests/{request_id}", response=JsonDict, summary="A request with its history and attachments")
def get_request(request: HttpRequest, request_id: Id) -> JsonDict:
    return _full(request, request_id)


@router.patch("/requests/{request_id}", response=JsonDict, summary="Change a draft or returned request")
def patch_request(request: HttpRequest, request_id: Id, payload: EntrustmentPatchIn) -> JsonDict:
    entrustment = access_entrustment(request.user, request_id)
    data = payload.dict(exclude_unset=True)
    entrustment_save_draft(
        actor=request.user,
        project=entrustment.project,
        scope=data.get("scope") or entrustment.scope,
        stages=data["stages"] if data.get("stages") is not None else entrustment.stages,
        item_ids=data["item_ids"]
        if data.get("item_ids") is not None
        else list(entrustment.items.values_list("pk", flat=True)),
        notes=data["notes"] if data.get("notes") is not None else entrustment.notes,
        entrustment=entrustment,
    )
    return _full(request, request_id)


@router.post("/requests/{request_id}/submit", response=JsonDict, summary="Submit for review")
def submit_request(request: HttpRequest, request_id: Id, payload: SubmitIn) -> JsonDict:
    entrustment = access_entrustment(request.user, request_id)
    entrustment_submit(
        actor=request.user,
        entrustment=entrustment,
        accept_terms=payload.accept_terms,
        ineligible_reason=payload.ineligible_reason,
    )
    return _full(request, request_id)


@router.post(
    "/requests/{request_id}/withdraw", response=JsonDict, summary="Withdraw before the centre decides"
)
def withdraw_request(request: HttpRequest, request_id: Id, payload: EntrustmentReasonIn) -> JsonDict:
    entrustment = access_entrustment(request.user, request_id)
    entrustment_withdraw(actor=request.user, entrustment=entrustment, reason=payload.reason)
    return _full(request, request_id)


@router.post(
    "/requests/{request_id}/return", response=JsonDict, summary="Return with everything missing, at once"
)
def return_request(request: HttpRequest, request_id: Id, payload: ReturnIn) -> JsonDict:
    entrustment = access_entrustment(request.user, request_id)
    entrustment_return(
        actor=request.user, entrustment=entrustment, missing=payload.missing, comment=payload.comment
    )
    return _full(request, request_id)


@router.post(
    "/requests/{request_id}/accept", response=JsonDict, summary="Accept and register (service number)"
)
def accept_request(request: HttpRequest, request_id: Id, payload: CommentIn) -> JsonDict:
    entrustment = access_entrustment(request.user, request_id)
    entrustment_accept(actor=request.user, entrustment=entrustment, comment=payload.comment)
    return _full(request, request_id)


@router.post("/requests/{request_id}/reject", response=JsonDict, summary="Refuse, with the reason")
def reject_request(request: HttpRequest, request_id: Id, payload: EntrustmentReasonIn) -> JsonDict:
    entrustment = access_entrustment(request.user, request_id)
    entrustment_reject(actor=request.user, entrustment=entrustment, reason=payload.reason)
    return _full(request, request_id)


@router.post(
    "/requests/{request_id}/attachments", response={201: JsonDict}, summary="Attach a file (multipart)"
)
def add_attachment(
    request: HttpRequest, request_id: Id, file: File[UploadedFile], description: Form[str] = ""
) -> tuple[int, JsonDict]:
    entrustment = access_entrustment(request.user, request_id)
    attachment = entrustment_attachment_add(
        actor=request.user, entrustment=entrustment, upload=file, description=description
    )
    return 201, {
        "id": attachment.pk,
        "name": attachment.original_name,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "sha256": attachment.sha256,
        "url": f"/intake/attachments/{attachment.pk}/",
    }
