"""/api/v1/tracking/materials: upload a file version (multipart), accept, ask for a revision."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from liaison.core.bounds import Id
from liaison.tracking.api.schemas import FileOut, ProjectMaterialOut, RevisionIn
from liaison.tracking.selectors.materials import access_material
from liaison.tracking.services.materials import (
    material_accept,
    material_file_upload,
    material_request_revision,
)

router = Router(tags=["tracking"])


@router.post("/materials/{material_id}/files", response={201: FileOut}, summary="Upload a new version")
def upload(request: HttpRequest, material_id: Id, file: File[UploadedFile], note: Form[str] = "") -> Any:
    submission = access_material(request.user, material_id)
    return Status(
        201, material_file_upload(actor=request.user, submission=submission, upload=file, note=note)
    )


@router.post(
    "/materials/{material_id}/accept", response=ProjectMaterialOut, summary="The guide accepts the material"
)
def accept(request: HttpRequest, material_id: Id) -> Any:
    submission = access_material(request.user, material_id)
    return material_accept(actor=request.user, submission=submission)


@router.post(
    "/materials/{material_id}/revision", response=ProjectMaterialOut, summary="The guide asks for a revision"
)
def revision(request: HttpRequest, material_id: Id, payload: RevisionIn) -> Any:
    submission = access_material(request.user, material_id)
    return material_request_revision(
        actor=request.user, submission=submission, reason=payload.reason, due_on=payload.due_on
    )
