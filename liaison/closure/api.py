"""/api/v1/closure: a project's service — read it, and take each step of its completion or termination.

The same services as the page. A project the caller may not see answers 404; a step their role may not
take 403; a step the state does not allow, or bad input, 400 with the reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema

from liaison.closure.api_custody import router as custody_router
from liaison.closure.selectors.service import ServicePanel, access_service
from liaison.closure.services.completion import (
    service_confirm_completion,
    service_confirm_receipt,
    service_dispute_handover,
    service_prepare_completion,
)
from liaison.closure.services.termination import (
    service_confirm_termination,
    service_confirm_termination_receipt,
    service_request_termination,
    service_withdraw_termination,
)

router = Router(tags=["closure"])
router.add_router("", custody_router)
ID = Path(..., ge=1, le=2**53)


class HandoverLineOut(Schema):
    id: int
    position: int
    name: str
    issuer: str
    number: str
    original: bool
    copies: int
    pages: int | None
    remarks: str
    handed_over: bool
    not_handed_reason: str
    disputed: bool
    dispute_note: str
    custody_entry_id: int | None


class ServiceStepOut(Schema):
    name: str
    from_state: str
    to_state: str
    actor: str
    comment: str
    at: dt.datetime


class EarlierTerminationOut(Schema):
    """A terminated earlier service (before 续办) whose documents still wait on the enterprise's receipt."""

    ended_at: dt.datetime | None
    termination_reason: str
    termination_note: str
    actions: list[str]
    handover_lines: list[HandoverLineOut]


class ServiceOut(Schema):
    project_id: int
    state: str
    state_label: str
    due_on: dt.date | None
    light: str
    termination_reason: str
    termination_note: str
    termination_handover_pending: bool
    ended: bool
    actions: list[str]
    handover_lines: list[HandoverLineOut]
    steps: list[ServiceStepOut]
    earlier_termination_handover: EarlierTerminationOut | None = None


class HandoverLineIn(Schema):
    name: str = Field(max_length=200)
    issuer: str = Field(default="", max_length=120)
    number: str = Field(default="", max_length=80)
    original: bool = True
    copies: int = Field(default=1, ge=1, le=999)
    pages: int | None = Field(default=None, ge=1, le=9999)
    remarks: str = Field(default="", max_length=200)
    handed_over: bool = True
    not_handed_reason: str = Field(default="", max_length=200)


class CompletionPrepareIn(Schema):
    lines: list[HandoverLineIn] = Field(
        default_factory=list, max_length=200, description="documents outside the custody register"
    )
    kept: dict[int, str] = Field(
        default_factory=dict, description="custody entry id -> why it is not handed over"
    )
    note: str = Field(default="", max_length=1000)
    outcomes: dict[int, str] = Field(
        default_factory=dict, description="open item id -> not_needed / withdrawn"
    )


class ServiceCommentIn(Schema):
    comment: str = Field(default="", max_length=1000)


class TerminationConfirmIn(Schema):
    comment: str = Field(default="", max_length=1000)
    lines: list[HandoverLineIn] = Field(
        default_factory=list, max_length=200, description="documents outside the custody register"
    )
    kept: dict[int, str] = Field(
        default_factory=dict, description="custody entry id -> why it is not handed over"
    )


class HandoverDisputeIn(Schema):
    disputes: dict[int, str] = Field(description="handover line id -> what is wrong")


class TerminationRequestIn(Schema):
    reason: str = Field(max_length=24)
    note: str = Field(max_length=1000)


def _earlier(panel: ServicePanel) -> dict[str, Any] | None:
    e = panel.earlier_pending
    if e is None:
        return None
    return {
        "ended_at": e.ended_at,
        "termination_reason": e.termination_reason,
        "termination_note": e.termination_note,
        "actions": sorted(panel.earlier_action_names),
        "handover_lines": panel.earlier_lines,
    }


def _out(panel: ServicePanel) -> dict[str, Any]:
    s = panel.service
    return {
        "project_id": panel.project.pk,
        "state": s.state,
        "state_label": str(s.get_state_display()),
        "due_on": s.due_on,
        "light": panel.light,
        "termination_reason": s.termination_reason,
        "termination_note": s.termination_note,
        "termination_handover_pending": s.termination_handover_pending,
        "ended": panel.ended,
        "actions": sorted(panel.action_names),
        "handover_lines": panel.lines,
        "earlier_termination_handover": _earlier(panel),
        "steps": [
            {
                "name": step.name,
                "from_state": step.from_state,
                "to_state": step.to_state,
                "actor": step.actor.display_name,
                "comment": step.comment,
                "at": step.at,
            }
            for step in panel.steps
        ],
    }


def _after(request: HttpRequest, project_id: int) -> dict[str, Any]:
    return _out(access_service(request.user, project_id))


def _project(request: HttpRequest, project_id: int) -> Any:
    """The project whose service the caller may see (404 alike for missing and forbidden)."""
    return access_service(request.user, project_id).project


@router.get(
    "/projects/{project_id}", response=ServiceOut, summary="A project's service, its handover list and steps"
)
def service_get(request: HttpRequest, project_id: int = ID) -> Any:
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/prepare-completion",
    response=ServiceOut,
    summary="Prepare completion with the handover list",
)
def prepare(request: HttpRequest, payload: CompletionPrepareIn, project_id: int = ID) -> Any:
    service_prepare_completion(
        actor=request.user,
        project=_project(request, project_id),
        lines=[line.dict() for line in payload.lines],
        kept=payload.kept,
        note=payload.note,
        outcomes=payload.outcomes,
    )
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/confirm-receipt", response=ServiceOut, summary="The enterprise confirms receipt"
)
def confirm_receipt(request: HttpRequest, payload: ServiceCommentIn, project_id: int = ID) -> Any:
    service_confirm_receipt(
        actor=request.user, project=_project(request, project_id), comment=payload.comment
    )
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/dispute-handover", response=ServiceOut, summary="The enterprise objects to lines"
)
def dispute(request: HttpRequest, payload: HandoverDisputeIn, project_id: int = ID) -> Any:
    service_dispute_handover(
        actor=request.user,
        project=_project(request, project_id),
        disputes=payload.disputes,
    )
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/confirm-completion", response=ServiceOut, summary="The centre confirms completion"
)
def confirm_completion(request: HttpRequest, payload: ServiceCommentIn, project_id: int = ID) -> Any:
    service_confirm_completion(
        actor=request.user, project=_project(request, project_id), comment=payload.comment
    )
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/request-termination",
    response=ServiceOut,
    summary="Ask to terminate the entrustment",
)
def request_termination(request: HttpRequest, payload: TerminationRequestIn, project_id: int = ID) -> Any:
    service_request_termination(
        actor=request.user,
        project=_project(request, project_id),
        reason=payload.reason,
        note=payload.note,
    )
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/withdraw-termination",
    response=ServiceOut,
    summary="Withdraw a termination request",
)
def withdraw_termination(request: HttpRequest, payload: ServiceCommentIn, project_id: int = ID) -> Any:
    service_withdraw_termination(
        actor=request.user, project=_project(request, project_id), comment=payload.comment
    )
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/confirm-termination",
    response=ServiceOut,
    summary="The centre confirms termination",
)
def confirm_termination(request: HttpRequest, payload: TerminationConfirmIn, project_id: int = ID) -> Any:
    service_confirm_termination(
        actor=request.user,
        project=_project(request, project_id),
        comment=payload.comment,
        lines=[line.dict() for line in payload.lines],
        kept=payload.kept,
    )
    return _after(request, project_id)


@router.post(
    "/projects/{project_id}/confirm-termination-receipt",
    response=ServiceOut,
    summary="The enterprise confirms receipt of the documents handed over at termination",
)
def confirm_termination_receipt(request: HttpRequest, payload: ServiceCommentIn, project_id: int = ID) -> Any:
    service_confirm_termination_receipt(
        actor=request.user, project=_project(request, project_id), comment=payload.comment
    )
    return _after(request, project_id)
