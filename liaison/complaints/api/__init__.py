"""/api/v1/complaints: the same services and selectors as the pages. A complaint the caller may not see —
every integrity complaint for anyone but the supervisors — answers 404; a step their role may not take 403;
bad input or a step the state does not allow 400."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from liaison.complaints.api.schemas import (
    ComplaintAnswerIn,
    ComplaintConcludeIn,
    ComplaintCooperationIn,
    ComplaintCountsOut,
    ComplaintLodgedOut,
    ComplaintLodgeIn,
    ComplaintOut,
    ComplaintRateIn,
    ComplaintRegisterIn,
    ComplaintReplyIn,
    ComplaintSettingsIn,
    ComplaintSettingsOut,
    ComplaintTaskOut,
    ComplaintTextIn,
    ComplaintTransferLineOut,
)
from liaison.complaints.figures import complaint_counts
from liaison.complaints.models import Complaint, Track
from liaison.complaints.policies import reads_transfer_lines
from liaison.complaints.selectors.complaints import (
    Panel,
    access_business,
    access_integrity,
    access_task,
    business_list,
    integrity_list,
    task_list,
    transfer_lines,
)
from liaison.complaints.services import business, integrity, lodge
from liaison.complaints.services.settings import PERIOD_FIELDS, complaint_settings_update
from liaison.complaints.services.transfer import complaint_transfer
from liaison.complaints.settings_row import complaint_settings
from liaison.core.bounds import Id
from liaison.core.errors import NotFound
from liaison.core.paging import ApiPagination
from liaison.directory.roles import Role

router = Router(tags=["complaints"])


def _row(c: Complaint) -> dict[str, Any]:
    return {
        "id": c.pk,
        "number": c.number or "",
        "track": c.track,
        "state": c.state,
        "state_label": str(c.get_state_display()),
        "subject_kind": c.subject_kind,
        "officer_id": c.officer_id,
        "guide_id": c.guide_id,
        "department_id": c.department_id,
        "received_at": c.received_at,
        "due_on": c.due_on,
        "light": getattr(c, "light", ""),
    }


def _panel(p: Panel) -> dict[str, Any]:
    c = p.complaint
    return {
        **_row(c),
        "text": p.text,
        "complainant": p.complainant,
        "finding": c.finding,
        "reply": c.reply,
        "satisfaction": c.satisfaction,
        "conclusion": p.conclusion,
        "actions": [t.name for t in p.actions],
        "cooperations": [
            {
                "id": k.pk,
                "kind": k.kind,
                "department_id": k.department_id,
                "request": k.request,
                "due_on": k.due_on,
                "answer": k.answer,
                "answered_at": k.answered_at,
            }
            for k in p.cooperations
        ],
    }


def _task(k: Any) -> dict[str, Any]:
    return {
        "id": k.pk,
        "request": k.request,
        "due_on": k.due_on,
        "answer": k.answer,
        "answered_at": k.answered_at,
    }


@router.post("/complaints", response={201: ComplaintLodgedOut}, summary="Lodge a complaint (signed in)")
def lodge_complaint(request: HttpRequest, payload: ComplaintLodgeIn) -> Any:
    lodged = lodge.complaint_lodge(actor=request.user, **payload.dict())
    c = lodged.complaint
    return 201, {
        "id": c.pk,
        "number": c.number,
        "track": c.track,
        "state": c.state,
        "query_code": lodged.query_code,
    }


@router.get("/complaints", response=list[ComplaintOut], summary="Business complaints the caller may read")
@paginate(ApiPagination)
def list_complaints(request: HttpRequest, state: str = Query("", max_length=16)) -> Any:
    return [_row(c) for c in business_list(request.user, state=state)[:500]]


@router.get("/complaints/{complaint_id}", response=ComplaintOut, summary="One business complaint")
def get_complaint(request: HttpRequest, complaint_id: Id) -> Any:
    return _panel(access_business(request.user, complaint_id))


def _business(request: HttpRequest, complaint_id: int) -> Any:
    return _panel(access_business(request.user, complaint_id))


@router.post(
    "/complaints/{complaint_id}/register", response=ComplaintOut, summary="Register, name the investigator"
)
def register_complaint(request: HttpRequest, complaint_id: Id, payload: ComplaintRegisterIn) -> Any:
    business.complaint_register(
        actor=request.user, complaint_id=complaint_id, investigator_id=payload.investigator_id
    )
    return _business(request, complaint_id)


@router.post(
    "/complaints/{complaint_id}/cooperations", response={201: dict}, summary="Ask the department to cooperate"
)
def ask_cooperation(request: HttpRequest, complaint_id: Id, payload: ComplaintCooperationIn) -> Any:
    k = business.cooperation_request(
        actor=request.user,
        complaint_id=complaint_id,
        department_id=payload.department_id,
        request=payload.request,
    )
    return 201, {"id": k.pk}


@router.post("/cooperations/{cooperation_id}/answer", response=dict, summary="The department's answer")
def answer_cooperation(request: HttpRequest, cooperation_id: Id, payload: ComplaintAnswerIn) -> Any:
    k = business.cooperation_answer(actor=request.user, cooperation_id=cooperation_id, answer=payload.answer)
    return {"id": k.pk, "answered_at": k.answered_at}


@router.post("/complaints/{complaint_id}/reply", response=ComplaintOut, summary="Finding, measures, reply")
def reply_complaint(request: HttpRequest, complaint_id: Id, payload: ComplaintReplyIn) -> Any:
    business.complaint_reply(actor=request.user, complaint_id=complaint_id, **payload.dict())
    return _business(request, complaint_id)


@router.post(
    "/complaints/{complaint_id}/rating", response=ComplaintOut, summary="The complainant's satisfaction"
)
def rate_complaint(request: HttpRequest, complaint_id: Id, payload: ComplaintRateIn) -> Any:
    business.complaint_rate(actor=request.user, complaint_id=complaint_id, satisfaction=payload.satisfaction)
    return _business(request, complaint_id)


@router.post(
    "/complaints/{complaint_id}/review-request", response=ComplaintOut, summary="Ask for the leader's review"
)
def request_review(request: HttpRequest, complaint_id: Id, payload: ComplaintTextIn) -> Any:
    business.complaint_request_review(actor=request.user, complaint_id=complaint_id, reason=payload.text)
    return _business(request, complaint_id)


@router.post(
    "/complaints/{complaint_id}/review", response=ComplaintOut, summary="The leader's review conclusion"
)
def review_complaint(request: HttpRequest, complaint_id: Id, payload: ComplaintTextIn) -> Any:
    business.complaint_review(actor=request.user, complaint_id=complaint_id, conclusion=payload.text)
    return _business(request, complaint_id)


@router.post("/complaints/{complaint_id}/transfer", response=dict, summary="Move to the integrity track")
def transfer_business(request: HttpRequest, complaint_id: Id, payload: ComplaintTextIn) -> Any:
    c = complaint_transfer(
        actor=request.user, complaint_id=complaint_id, track_from=Track.BUSINESS, reason=payload.text
    )
    return {"id": c.pk, "track": c.track}


@router.get(
    "/transfers", response=list[ComplaintTransferLineOut], summary="Moves to the integrity track (dates only)"
)
def list_transfers(request: HttpRequest) -> Any:
    if not reads_transfer_lines(request.user):
        raise NotFound(_("您无权查看。"))
    return [{"at": t.at, "moved": t.moved} for t in transfer_lines()]


@router.get("/integrity", response=list[ComplaintOut], summary="Integrity complaints (supervisors only)")
@paginate(ApiPagination)
def list_integrity(request: HttpRequest, state: str = Query("", max_length=16)) -> Any:
    return [_row(c) for c in integrity_list(request.user, state=state)[:500]]


@router.get(
    "/integrity/{complaint_id}", response=ComplaintOut, summary="One integrity complaint (read logged)"
)
def get_integrity(request: HttpRequest, complaint_id: Id) -> Any:
    return _panel(access_integrity(request.user, complaint_id))


@router.post("/integrity/{complaint_id}/register", response=ComplaintOut, summary="Register and verify")
def register_integrity(request: HttpRequest, complaint_id: Id) -> Any:
    integrity.integrity_register(actor=request.user, complaint_id=complaint_id)
    return _panel(access_integrity(request.user, complaint_id))


@router.post("/integrity/{complaint_id}/conclusion", response=ComplaintOut, summary="Conclude")
def conclude_integrity(request: HttpRequest, complaint_id: Id, payload: ComplaintConcludeIn) -> Any:
    integrity.integrity_conclude(actor=request.user, complaint_id=complaint_id, **payload.dict())
    return _panel(access_integrity(request.user, complaint_id))


@router.post(
    "/integrity/{complaint_id}/tasks", response={201: ComplaintTaskOut}, summary="A task for the centre"
)
def send_task(request: HttpRequest, complaint_id: Id, payload: ComplaintTextIn) -> Any:
    return 201, _task(
        integrity.task_send(actor=request.user, complaint_id=complaint_id, request=payload.text)
    )


@router.post("/integrity/{complaint_id}/transfer", response=dict, summary="Move to the business track")
def transfer_integrity(request: HttpRequest, complaint_id: Id, payload: ComplaintTextIn) -> Any:
    c = complaint_transfer(
        actor=request.user, complaint_id=complaint_id, track_from=Track.INTEGRITY, reason=payload.text
    )
    return {"id": c.pk, "track": c.track}


@router.get("/tasks", response=list[ComplaintTaskOut], summary="The supervisors' tasks for the centre")
@paginate(ApiPagination)
def list_tasks(request: HttpRequest, open_only: bool = False) -> Any:
    return [_task(k) for k in task_list(request.user, open_only=open_only)]


@router.get("/tasks/{task_id}", response=ComplaintTaskOut, summary="One task")
def get_task(request: HttpRequest, task_id: Id) -> Any:
    return _task(access_task(request.user, task_id))


@router.post("/tasks/{task_id}/answer", response=ComplaintTaskOut, summary="The centre's answer")
def answer_task(request: HttpRequest, task_id: Id, payload: ComplaintAnswerIn) -> Any:
    return _task(integrity.task_answer(actor=request.user, task_id=task_id, answer=payload.answer))


@router.get("/figures", response=ComplaintCountsOut, summary="Counts per track and month (numbers only)")
def figures(request: HttpRequest, start: dt.date | None = None, end: dt.date | None = None) -> Any:
    if not request.user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR):  # type: ignore[union-attr]
        raise NotFound(_("您无权查看。"))
    return complaint_counts(start=start, end=end)


@router.get("/settings", response=ComplaintSettingsOut, summary="The centre's complaint periods")
def get_settings(request: HttpRequest) -> Any:
    if not request.user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER):  # type: ignore[union-attr]
        raise NotFound(_("您无权查看。"))
    row = complaint_settings()
    return {f: getattr(row, f) for f in PERIOD_FIELDS}


@router.put("/settings", response=ComplaintSettingsOut, summary="Change the periods (the centre)")
def put_settings(request: HttpRequest, payload: ComplaintSettingsIn) -> Any:
    row = complaint_settings_update(actor=request.user, values=payload.dict(exclude_none=True))
    return {f: getattr(row, f) for f in PERIOD_FIELDS}
