"""/api/v1/tracking: the enterprise's dated to-dos (Art. 9): list, set one, tick one off."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from liaison.core.bounds import Id
from liaison.core.errors import DomainError
from liaison.tracking.models import ProjectItem
from liaison.tracking.policies import can_complete_obligation
from liaison.tracking.selectors.materials import access_obligation
from liaison.tracking.selectors.obligations import (
    ObligationRow,
    obligation_light,
    obligation_light_context,
    obligation_rows,
)
from liaison.tracking.selectors.plans import access_plan_project
from liaison.tracking.services.obligations import default_due, obligation_complete, obligation_create

router = Router(tags=["tracking"])


class ObligationOut(Schema):
    id: int
    project_id: int
    project: str
    project_item_id: int | None
    kind: str
    kind_label: str
    title: str
    details: str
    due_on: dt.date
    light: str
    light_label: str
    done: bool
    done_at: dt.datetime | None
    cancel_reason: str = ""
    can_complete: bool


class ObligationIn(Schema):
    kind: str
    title: str
    details: str = ""
    due_on: dt.date | None = None  # default: the centre's period (N working days from today)
    project_item_id: Id | None = None


def obligation_out(row: ObligationRow) -> dict[str, Any]:
    o = row.obligation
    return {
        "id": o.pk,
        "project_id": o.project_id,
        "project": o.project.name,
        "project_item_id": o.project_item_id,
        "kind": o.kind,
        "kind_label": o.get_kind_display(),
        "title": o.title,
        "details": o.details,
        "due_on": o.due_on,
        "light": row.light,
        "light_label": row.light_label,
        "done": o.done,
        "done_at": o.done_at,
        "cancel_reason": o.cancel_reason,
        "can_complete": row.can_complete,
    }


@router.get("/obligations", response=list[ObligationOut], summary="The caller's open enterprise to-dos")
def my_obligations(request: HttpRequest) -> Any:
    return [obligation_out(r) for r in obligation_rows(user=request.user, open_only=True, limit=200)]


@router.get(
    "/projects/{project_id}/obligations",
    response=list[ObligationOut],
    summary="A project's enterprise to-dos (open first, then done)",
)
def project_obligations(request: HttpRequest, project_id: Id) -> Any:
    project = access_plan_project(request.user, project_id)
    return [obligation_out(r) for r in obligation_rows(user=request.user, project=project)]


@router.post(
    "/projects/{project_id}/obligations",
    response={201: ObligationOut},
    summary="The officer sets a dated to-do for the enterprise",
)
def create_obligation(request: HttpRequest, project_id: Id, payload: ObligationIn) -> Any:
    project = access_plan_project(request.user, project_id)
    item = None
    if payload.project_item_id is not None:
        item = ProjectItem.objects.filter(pk=payload.project_item_id, project=project).first()
        if item is None:
            raise DomainError(_("所选事项不属于本项目。"), field="project_item_id")
    obligation = obligation_create(
        actor=request.user,
        project=project,
        kind=payload.kind,
        title=payload.title,
        details=payload.details,
        due_on=payload.due_on or default_due(),
        project_item=item,
    )
    row = ObligationRow(
        obligation,
        obligation_light(obligation, obligation_light_context()),
        bool(can_complete_obligation(request.user, obligation)),
    )
    return Status(201, obligation_out(row))


@router.post("/obligations/{obligation_id}/complete", response=ObligationOut, summary="Mark a to-do done")
def complete_obligation(request: HttpRequest, obligation_id: Id) -> Any:
    obligation = access_obligation(request.user, obligation_id)
    done = obligation_complete(actor=request.user, obligation=obligation)
    return obligation_out(ObligationRow(done, obligation_light(done, obligation_light_context()), False))
