"""/api/v1/assessment: the same services and selectors as the pages. A method, period or result the
caller may not see answers 404; a step their role may not take 403; bad input or a step the state does
not allow 400. (No `from __future__ import annotations`: the paginated list with a path id needs its
annotations resolved here, not in ninja.pagination.)"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from liaison.assessment.api_schemas import (
    AssessmentAdjustIn,
    AssessmentIndicatorOut,
    AssessmentMethodIn,
    AssessmentMethodOut,
    AssessmentPeriodIn,
    AssessmentPeriodOut,
    AssessmentResultOut,
)
from liaison.assessment.documents.render import report_docx
from liaison.assessment.models import AssessmentMethod, AssessmentPeriod, SubjectKind, SubjectResult
from liaison.assessment.selectors.methods import access_method, editor_rows, method_list
from liaison.assessment.selectors.periods import access_period, access_result, period_list, result_list
from liaison.assessment.services import methods, periods, results
from liaison.assessment.workflows import PERIOD_WORKFLOW
from liaison.core.bounds import Id
from liaison.core.errors import DomainError
from liaison.core.paging import ApiPagination

router = Router(tags=["assessment"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _method(m: AssessmentMethod) -> dict[str, Any]:
    return {
        "id": m.pk,
        "title": m.title,
        "explanation": m.explanation,
        "state": m.state,
        "version": m.version,
        "published_on": m.published_on,
        "superseded_on": m.superseded_on,
        "indicators": [r for r in editor_rows(m) if r["weight"]],
    }


def _period(user: Any, p: AssessmentPeriod) -> dict[str, Any]:
    return {
        "id": p.pk,
        "code": p.code,
        "kind": p.kind,
        "start": p.start,
        "end": p.end,
        "state": p.state,
        "method_id": p.method_id,
        "method": str(p.method),
        "computed_at": p.computed_at,
        "published_at": p.published_at,
        "actions": [t.name for t in PERIOD_WORKFLOW.available(p.state, user.role_set)],
    }


def _dec(value: Any) -> str | None:
    return None if value is None else str(value)


def _result(r: SubjectResult) -> dict[str, Any]:
    return {
        "id": r.pk,
        "period_id": r.period_id,
        "subject_kind": r.subject_kind,
        "subject_id": r.subject_id,
        "label": r.label,
        "department": r.department.name if r.department else "",
        "computed_score": _dec(r.computed_score),
        "adjusted_score": _dec(r.adjusted_score),
        "final_score": _dec(r.final_score),
        "adjustment_reason": r.adjustment_reason,
        "values": r.values,
    }


@router.get("/indicators", response=list[AssessmentIndicatorOut], summary="Every registered indicator")
def list_indicators(request: HttpRequest) -> Any:
    return editor_rows(None)


@router.get("/methods", response=list[AssessmentMethodOut], summary="Assessment methods")
@paginate(ApiPagination)
def list_methods(request: HttpRequest) -> Any:
    return [_method(m) for m in method_list(request.user)[:500]]


@router.post("/methods", response={201: AssessmentMethodOut}, summary="Draft a method (the centre's leader)")
def create_method(request: HttpRequest, payload: AssessmentMethodIn) -> Any:
    m = methods.method_create(actor=request.user, **payload.dict())
    return 201, _method(m)


@router.get("/methods/{method_id}", response=AssessmentMethodOut, summary="One method")
def get_method(request: HttpRequest, method_id: Id) -> Any:
    return _method(access_method(request.user, method_id))


@router.put("/methods/{method_id}", response=AssessmentMethodOut, summary="Revise a draft method")
def update_method(request: HttpRequest, method_id: Id, payload: AssessmentMethodIn) -> Any:
    m = methods.method_update(
        actor=request.user, method=access_method(request.user, method_id), **payload.dict()
    )
    return _method(m)


@router.post("/methods/{method_id}/publish", response=AssessmentMethodOut, summary="Publish a draft method")
def publish_method(request: HttpRequest, method_id: Id) -> Any:
    m = methods.method_publish(actor=request.user, method=access_method(request.user, method_id))
    return _method(m)


@router.get("/periods", response=list[AssessmentPeriodOut], summary="Assessment periods")
@paginate(ApiPagination)
def list_periods(request: HttpRequest) -> Any:
    return [_period(request.user, p) for p in period_list(request.user)[:500]]


@router.post("/periods", response={201: AssessmentPeriodOut}, summary="Open a period (the centre's leader)")
def create_period(request: HttpRequest, payload: AssessmentPeriodIn) -> Any:
    method = access_method(request.user, payload.method_id) if payload.method_id else None
    p = periods.period_create(
        actor=request.user, kind=payload.kind, year=payload.year, quarter=payload.quarter, method=method
    )
    return 201, _period(request.user, p)


@router.get("/periods/{period_id}", response=AssessmentPeriodOut, summary="One period")
def get_period(request: HttpRequest, period_id: Id) -> Any:
    return _period(request.user, access_period(request.user, period_id))


@router.post("/periods/{period_id}/compute", response=AssessmentPeriodOut, summary="Compute (preview)")
def compute_period(request: HttpRequest, period_id: Id) -> Any:
    p = periods.period_compute(actor=request.user, period=access_period(request.user, period_id))
    return _period(request.user, p)


@router.post("/periods/{period_id}/publish", response=AssessmentPeriodOut, summary="Publish and freeze")
def publish_period(request: HttpRequest, period_id: Id) -> Any:
    p = periods.period_publish(actor=request.user, period=access_period(request.user, period_id))
    return _period(request.user, p)


@router.get(
    "/periods/{period_id}/results", response=list[AssessmentResultOut], summary="Results one may read"
)
@paginate(ApiPagination)
def list_results(
    request: HttpRequest,
    period_id: Id,
    kind: str = Query("", max_length=12),
    q: str = Query("", max_length=100),
) -> Any:
    if kind and kind not in SubjectKind.values:
        raise DomainError(_("考核对象类别只能是联络官、指导员或职能部门。"), field="kind")
    period = access_period(request.user, period_id)
    return [_result(r) for r in result_list(request.user, period, kind=kind, q=q)]


@router.get("/periods/{period_id}/report.docx", summary="The period's report as Word")
def period_report(request: HttpRequest, period_id: Id) -> HttpResponse:
    period = access_period(request.user, period_id)
    response = HttpResponse(report_docx(period, result_list(request.user, period)), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="assessment-{period.code}.docx"'
    return response


@router.get("/results/{result_id}", response=AssessmentResultOut, summary="One result")
def get_result(request: HttpRequest, result_id: Id) -> Any:
    return _result(access_result(request.user, result_id))


@router.post("/results/{result_id}/adjustment", response=AssessmentResultOut, summary="Adjust a score")
def adjust_result(request: HttpRequest, result_id: Id, payload: AssessmentAdjustIn) -> Any:
    row = access_result(request.user, result_id)
    return _result(
        results.result_adjust(actor=request.user, result=row, score=payload.score, reason=payload.reason)
    )
