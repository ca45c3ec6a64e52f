"""/api/v1/supervision: the same services and selectors as the pages. The desk and its lists answer the
supervisors and the centre's leaders only (404 for everyone else); an inspection the caller may not see
answers 404, a step their role may not take 403, bad input or a step the state does not allow 400."""

import datetime as dt
from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from liaison.core.bounds import Id
from liaison.core.paging import ApiPagination
from liaison.supervision.figures import inspection_counts
from liaison.supervision.models import Inspection
from liaison.supervision.period import period_from
from liaison.supervision.policies import can_read_desk
from liaison.supervision.selectors.desk import desk_sections
from liaison.supervision.selectors.inspections import access_inspection, inspection_list
from liaison.supervision.selectors.lists import bad_review_list, subject_panel
from liaison.supervision.services import inspections as svc

router = Router(tags=["supervision"])
Text = Field(max_length=5000)


class SupervisionFigureOut(Schema):
    section: str
    key: str
    label: str
    count: int
    url: str
    current: bool


class SupervisionInspectionCountsOut(Schema):
    opened: int
    rectification_required: int
    closed: int
    by_month: list[dict[str, Any]]


class SupervisionInspectionOut(Schema):
    id: int
    title: str
    subject_type: str
    subject: str
    state: str
    opened_on: dt.date | None = None
    rectify_due: dt.date | None
    light: str
    findings: str = ""
    rectification_asked: str
    conclusion: str
    actions: list[str] = []
    thread: list[dict[str, Any]] = []


class SupervisionInspectionOpenIn(Schema):
    subject_type: Literal["project", "officer", "guide", "department"]
    subject_id: Id
    title: str = Field(max_length=200)
    findings: str = Text


class SupervisionRectificationIn(Schema):
    asked: str = Text
    rectify_days: int = Field(ge=1, le=60)


class SupervisionReportIn(Schema):
    report: str = Text


class SupervisionSendBackIn(Schema):
    comment: str = Text
    rectify_days: int | None = Field(default=None, ge=1, le=60)


class SupervisionCloseIn(Schema):
    conclusion: str = Text


class SupervisionBadReviewOut(Schema):
    id: int
    title: str
    project: str
    level: int
    opened_on: dt.date


class SupervisionSubjectOut(Schema):
    kind: str
    id: int
    name: str
    overdue_items: int | None
    overdue_replies: int | None
    evaluations: int
    bad_reviews: int
    inspections: list[int]


def _desk_reader(request: HttpRequest) -> None:
    if not can_read_desk(request.user):
        raise Http404


def _row(i: Inspection, *, full: bool) -> dict[str, Any]:
    return {
        "id": i.pk,
        "title": i.title,
        "subject_type": i.subject_type,
        "subject": i.subject_name,
        "state": i.state,
        "opened_on": i.opened_on if full else None,
        "rectify_due": i.rectify_due,
        "light": getattr(i, "light", ""),
        "findings": i.findings if full else "",
        "rectification_asked": i.rectification_asked,
        "conclusion": i.conclusion,
    }


def _one(request: HttpRequest, pk: int) -> dict[str, Any]:
    panel = access_inspection(request.user, pk)
    out = _row(panel.inspection, full=panel.sees_findings)
    out["light"] = panel.light
    out["actions"] = [t.name for t in panel.actions]
    out["thread"] = [
        {
            "name": s.name,
            "state": s.to_state,
            "by": s.actor.display_name,
            "at": s.at.isoformat(),
            "comment": s.comment,
        }
        for s in panel.steps
        if panel.sees_findings or s.name != "open"
    ]
    return out


@router.get("/desk", response=list[SupervisionFigureOut], summary="The supervision desk's figures")
def desk(
    request: HttpRequest,
    period: Literal["month", "quarter", "custom"] = "month",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Any:
    _desk_reader(request)
    params = {
        "period": period,
        "start": start.isoformat() if start else "",
        "end": end.isoformat() if end else "",
    }
    chosen = period_from(params)
    if chosen.error:
        from liaison.core.errors import DomainError  # noqa: PLC0415

        raise DomainError(chosen.error, field="start")
    return [
        {
            "section": s.key,
            "key": f.key,
            "label": str(f.label),
            "count": f.count,
            "url": f.url,
            "current": s.current,
        }
        for s in desk_sections(request.user, chosen)
        for f in s.figures
    ]


@router.get("/figures", response=SupervisionInspectionCountsOut, summary="Inspection counts (no content)")
def figures(request: HttpRequest, start: dt.date | None = None, end: dt.date | None = None) -> Any:
    _desk_reader(request)
    return inspection_counts(start=start, end=end)


class SupervisionInspectionFilters(Schema):
    state: str = Field("", max_length=12)
    light: str = Field("", max_length=8)
    counted: str = Field("", max_length=24)
    start: dt.date | None = None
    end: dt.date | None = None


@router.get("/inspections", response=list[SupervisionInspectionOut], summary="Inspections the caller may see")
@paginate(ApiPagination)
def list_inspections(request: HttpRequest, filters: Query[SupervisionInspectionFilters]) -> Any:
    full = can_read_desk(request.user)
    qs = inspection_list(request.user, **filters.dict())
    return [_row(i, full=full) for i in qs[:500]]


@router.post("/inspections", response={201: SupervisionInspectionOut}, summary="Open an inspection")
def open_inspection(request: HttpRequest, payload: SupervisionInspectionOpenIn) -> Any:
    inspection = svc.inspection_open(actor=request.user, **payload.dict())
    return 201, _one(request, inspection.pk)


@router.get("/inspections/{inspection_id}", response=SupervisionInspectionOut, summary="One inspection")
def get_inspection(request: HttpRequest, inspection_id: Id) -> Any:
    return _one(request, inspection_id)


@router.post(
    "/inspections/{inspection_id}/rectification",
    response=SupervisionInspectionOut,
    summary="Require rectification",
)
def require_rectification(
    request: HttpRequest, inspection_id: Id, payload: SupervisionRectificationIn
) -> Any:
    svc.inspection_require_rectification(actor=request.user, inspection_id=inspection_id, **payload.dict())
    return _one(request, inspection_id)


@router.post(
    "/inspections/{inspection_id}/report",
    response=SupervisionInspectionOut,
    summary="Report the rectification",
)
def report(request: HttpRequest, inspection_id: Id, payload: SupervisionReportIn) -> Any:
    svc.inspection_report(actor=request.user, inspection_id=inspection_id, report=payload.report)
    return _one(request, inspection_id)


@router.post("/inspections/{inspection_id}/send-back", response=SupervisionInspectionOut, summary="Send back")
def send_back(request: HttpRequest, inspection_id: Id, payload: SupervisionSendBackIn) -> Any:
    svc.inspection_send_back(actor=request.user, inspection_id=inspection_id, **payload.dict())
    return _one(request, inspection_id)


@router.post(
    "/inspections/{inspection_id}/close", response=SupervisionInspectionOut, summary="Close (accept)"
)
def close(request: HttpRequest, inspection_id: Id, payload: SupervisionCloseIn) -> Any:
    svc.inspection_close(actor=request.user, inspection_id=inspection_id, conclusion=payload.conclusion)
    return _one(request, inspection_id)


@router.get("/bad-reviews", response=list[SupervisionBadReviewOut], summary="Bad reviews of a window")
@paginate(ApiPagination)
def bad_reviews(request: HttpRequest, start: dt.date | None = None, end: dt.date | None = None) -> Any:
    _desk_reader(request)
    return [
        {
            "id": e.pk,
            "title": e.invitation.title,
            "project": e.invitation.project.name,
            "level": e.level,
            "opened_on": e.invitation.opened_on,
        }
        for e in bad_review_list(start=start, end=end)[:500]
    ]


@router.get(
    "/subjects/{kind}/{subject_id}", response=SupervisionSubjectOut, summary="One subject's drill-down"
)
def subject(
    request: HttpRequest,
    kind: Literal["officer", "guide", "department"],
    subject_id: Id,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Any:
    _desk_reader(request)
    panel = subject_panel(kind, subject_id, start=start, end=end)
    reviews = panel.reviews
    return {
        "kind": kind,
        "id": subject_id,
        "name": panel.name,
        "overdue_items": panel.overdue_items,
        "overdue_replies": panel.overdue_replies,
        "evaluations": reviews.evaluations if reviews else 0,
        "bad_reviews": reviews.bad_reviews if reviews else 0,
        "inspections": [i.pk for i in panel.inspections],
    }
