"""/api/v1/evaluation: the same services and selectors as the pages. A subject the caller may not see
answers 404; a step their role may not take 403; bad input or a step the state does not allow 400.
No endpoint lets staff create, change or delete an evaluation."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from liaison.core.bounds import Id
from liaison.core.errors import NotFound
from liaison.core.paging import ApiPagination
from liaison.evaluation.api.schemas import (
    EvaluationAppealDecisionIn,
    EvaluationAppealIn,
    EvaluationCommentIn,
    EvaluationFollowUpOut,
    EvaluationFollowUpStepIn,
    EvaluationGiveIn,
    EvaluationInvitationOut,
    EvaluationOut,
    ReturnVisitAssignIn,
    ReturnVisitOut,
    ReturnVisitRecordIn,
    SatisfactionFigureOut,
)
from liaison.evaluation.figures import satisfaction_figures
from liaison.evaluation.models import Evaluation, FollowUp, ReturnVisit
from liaison.evaluation.policies import can_read_figures
from liaison.evaluation.selectors.evaluations import (
    access_review,
    evaluator_shown,
    invitation_list,
    review_list,
)
from liaison.evaluation.selectors.followups import access_follow_up, follow_up_list
from liaison.evaluation.selectors.visits import access_visit, visit_list
from liaison.evaluation.services import appeals, evaluations, followups, visits

router = Router(tags=["evaluation"])


def _evaluation(user: Any, e: Evaluation) -> dict[str, Any]:
    return {
        "id": e.pk,
        "invitation_id": e.invitation_id,
        "title": e.invitation.title,
        "level": e.level,
        "level_label": str(e.get_level_display()),
        "guide_level": e.guide_level,
        "reasons": [r.name for r in e.reasons.all()],
        "text": e.text,
        "created_at": e.created_at,
        "excluded": e.excluded,
        "evaluator": evaluator_shown(user, e),
    }


def _follow_up(f: FollowUp, actions: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": f.pk,
        "evaluation_id": f.evaluation_id,
        "title": f.evaluation.invitation.title,
        "state": f.state,
        "due_on": f.due_on,
        "responsible": f.responsible,
        "verification": f.verification,
        "rectification_asked": f.rectification_asked,
        "rectification_report": f.rectification_report,
        "return_note": f.return_note,
        "evaluator_accepts": f.evaluator_accepts,
        "actions": actions or [],
    }


@router.get("/invitations", response=list[EvaluationInvitationOut], summary="The enterprise's invitations")
@paginate(ApiPagination)
def list_invitations(request: HttpRequest) -> Any:
    return [
        {
            "id": i.pk,
            "kind": i.kind,
            "title": i.title,
            "project_id": i.project_id,
            "opened_on": i.opened_on,
            "due_on": i.due_on,
            "evaluated": i.evaluated_at is not None,
            "evaluated_by_me": getattr(i, "evaluated_by_me", False),
        }
        for i in invitation_list(request.user)
    ]


@router.post("/invitations/{invitation_id}/evaluation", response={201: EvaluationOut}, summary="Evaluate")
def give_evaluation(request: HttpRequest, invitation_id: Id, payload: EvaluationGiveIn) -> Any:
    e = evaluations.evaluation_give(actor=request.user, invitation_id=invitation_id, **payload.dict())
    return 201, _evaluation(request.user, access_review(request.user, e.pk).evaluation)


@router.put(
    "/evaluations/{evaluation_id}", response=EvaluationOut, summary="Change one's evaluation (24 hours)"
)
def change_evaluation(request: HttpRequest, evaluation_id: Id, payload: EvaluationGiveIn) -> Any:
    evaluations.evaluation_change(actor=request.user, evaluation_id=evaluation_id, **payload.dict())
    return _evaluation(request.user, access_review(request.user, evaluation_id).evaluation)


@router.post("/evaluations/{evaluation_id}/comments", response={201: dict}, summary="Add a follow-up comment")
def comment_evaluation(request: HttpRequest, evaluation_id: Id, payload: EvaluationCommentIn) -> Any:
    comment = evaluations.evaluation_comment_add(
        actor=request.user, evaluation_id=evaluation_id, text=payload.text
    )
    return 201, {"id": comment.pk}


@router.get("/reviews", response=list[EvaluationOut], summary="Evaluations the caller may read")
@paginate(ApiPagination)
def list_reviews(request: HttpRequest, level: str = Query("", max_length=5)) -> Any:
    return [_evaluation(request.user, e) for e in review_list(request.user, level=level)[:500]]


@router.get("/reviews/{evaluation_id}", response=EvaluationOut, summary="One evaluation")
def get_review(request: HttpRequest, evaluation_id: Id) -> Any:
    return _evaluation(request.user, access_review(request.user, evaluation_id).evaluation)


@router.post(
    "/reviews/{evaluation_id}/appeal", response={201: dict}, summary="Appeal a review (the evaluated)"
)
def lodge_appeal(request: HttpRequest, evaluation_id: Id, payload: EvaluationAppealIn) -> Any:
    appeal = appeals.appeal_lodge(actor=request.user, evaluation_id=evaluation_id, grounds=payload.grounds)
    return 201, {"id": appeal.pk, "state": appeal.state}


@router.post("/appeals/{appeal_id}/decision", response=dict, summary="Decide an appeal (the centre's leader)")
def decide_appeal(request: HttpRequest, appeal_id: Id, payload: EvaluationAppealDecisionIn) -> Any:
    appeal = appeals.appeal_decide(
        actor=request.user, appeal_id=appeal_id, upheld=payload.upheld, reason=payload.reason
    )
    return {"id": appeal.pk, "state": appeal.state}


@router.get("/follow-ups", response=list[EvaluationFollowUpOut], summary="Bad reviews' follow-ups")
@paginate(ApiPagination)
def list_follow_ups(request: HttpRequest, open_only: bool = False) -> Any:
    return [_follow_up(f) for f in follow_up_list(request.user, open_only=open_only)]


@router.get("/follow-ups/{follow_up_id}", response=EvaluationFollowUpOut, summary="One follow-up")
def get_follow_up(request: HttpRequest, follow_up_id: Id) -> Any:
    panel = access_follow_up(request.user, follow_up_id)
    return _follow_up(panel.follow_up, [t.name for t in panel.actions])


STEPS = {
    "confirm": lambda u, pk, p: followups.follow_up_confirm(
        actor=u,
        follow_up_id=pk,
        verification=p.verification,
        responsible=p.responsible,
        asked=p.asked,
        department_id=p.department_id,
        rectify_days=p.rectify_days,
    ),
    "dismiss": lambda u, pk, p: followups.follow_up_dismiss(
        actor=u, follow_up_id=pk, verification=p.verification
    ),
    "report": lambda u, pk, p: followups.follow_up_report(actor=u, follow_up_id=pk, report=p.report),
    "send_back": lambda u, pk, p: followups.follow_up_send_back(actor=u, follow_up_id=pk, comment=p.comment),
    "close": lambda u, pk, p: followups.follow_up_close(
        actor=u, follow_up_id=pk, accepts=p.accepts, note=p.note
    ),
}


@router.post(
    "/follow-ups/{follow_up_id}/{step}", response=EvaluationFollowUpOut, summary="Take a step of a follow-up"
)
def follow_up_step(
    request: HttpRequest,
    follow_up_id: Id,
    step: Literal["confirm", "dismiss", "report", "send_back", "close"],
    payload: EvaluationFollowUpStepIn,
) -> Any:
    STEPS[step](request.user, follow_up_id, payload)
    panel = access_follow_up(request.user, follow_up_id)
    return _follow_up(panel.follow_up, [t.name for t in panel.actions])


def _visit(v: ReturnVisit) -> dict[str, Any]:
    return {
        "id": v.pk,
        "project_id": v.project_id,
        "reason": v.reason,
        "stage": v.stage,
        "state": v.state,
        "due_on": v.due_on,
        "assignee_id": v.assignee_id,
        "visited_on": v.visited_on,
        "method": v.method,
        "light": getattr(v, "light", ""),
    }


@router.get("/visits", response=list[ReturnVisitOut], summary="Return visits")
@paginate(ApiPagination)
def list_visits(request: HttpRequest) -> Any:
    return [_visit(v) for v in visit_list(request.user)]


@router.post("/visits/{visit_id}/assign", response=ReturnVisitOut, summary="Assign a return visit")
def assign_visit(request: HttpRequest, visit_id: Id, payload: ReturnVisitAssignIn) -> Any:
    return _visit(visits.visit_assign(actor=request.user, visit_id=visit_id, assignee_id=payload.assignee_id))


@router.post(
    "/visits/{visit_id}/record", response=ReturnVisitOut, summary="Record a return visit and its survey"
)
def record_visit(request: HttpRequest, visit_id: Id, payload: ReturnVisitRecordIn) -> Any:
    visit = visits.visit_record(
        actor=request.user,
        visit_id=visit_id,
        visited_on=payload.visited_on,
        method=payload.method,
        spoken_to=payload.spoken_to,
        answers=dict(payload.answers),
        issues=payload.issues,
    )
    return _visit(access_visit(request.user, visit.pk).visit)


@router.get("/figures", response=list[SatisfactionFigureOut], summary="Satisfaction figures")
def figures(
    request: HttpRequest,
    by: Literal["officer", "guide", "department", "month", "all"] = "all",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Any:
    if not can_read_figures(request.user):
        raise NotFound(_("页面不存在或您无权访问。"))
    rows = satisfaction_figures(by, since=since, until=until)
    return [
        {
            "key": str(r.key),
            "label": r.label,
            "invitations": r.invitations,
            "evaluated": r.evaluated,
            "evaluations": r.evaluations,
            "levels": r.levels,
            "satisfaction_rate": float(r.satisfaction_rate) if r.satisfaction_rate is not None else None,
            "evaluated_rate": float(r.evaluated_rate) if r.evaluated_rate is not None else None,
            "bad_reviews": r.bad_reviews,
            "verified_on_time": r.verified_on_time,
            "rectified_on_time": r.rectified_on_time,
            "returned": r.returned,
        }
        for r in rows
    ]
