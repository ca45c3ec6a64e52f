"""考核期: the list (the leader opens a period there), one period's results (filters, Excel, Word/PDF,
compute and publish), and one result with its indicators and the leader's adjustment."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.assessment.documents.render import report_docx, report_pdf
from liaison.assessment.exports import results_export
from liaison.assessment.models import AssessmentMethod, MethodState, PeriodKind, PeriodState, SubjectKind
from liaison.assessment.periods import quarter_of
from liaison.assessment.policies import can_manage_assessment, reads_all
from liaison.assessment.selectors.periods import access_period, access_result, period_list, result_list
from liaison.assessment.services.periods import period_compute, period_create, period_publish
from liaison.assessment.services.results import result_adjust
from liaison.assessment.workflows import PERIOD_WORKFLOW
from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.roles import Role
from liaison.evaluation.views.common import get_or_404, run_action

READERS = (
    Role.CENTER_ADMIN,
    Role.CENTER_LEADER,
    Role.SUPERVISOR,
    Role.OFFICER,
    Role.GUIDE,
    Role.DEPARTMENT_ADMIN,
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _filter_query(request: AuthedHttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
@require_http_methods(["GET", "POST"])
def period_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_role(*READERS):
        raise Http404
    status = 200
    if request.method == "POST":
        post = request.POST
        quarter = _int(post.get("quarter")) if post.get("kind") == PeriodKind.QUARTER else None

        def create() -> Any:
            return period_create(
                actor=request.user, kind=post.get("kind"), year=_int(post.get("year")), quarter=quarter
            )

        response = run_action(
            request, create, done=reverse("assessment:periods"), success=_("考核期已建立。")
        )
        if response is not None:
            return response
        status = 400
    year, quarter = quarter_of(timezone.localdate())
    context = {
        "periods": period_list(request.user),
        "can_manage": can_manage_assessment(request.user),
        "has_method": AssessmentMethod.objects.filter(state=MethodState.PUBLISHED).exists(),
        "kinds": PeriodKind.choices,
        "year": request.POST.get("year", year),
        "quarter": request.POST.get("quarter", quarter),
    }
    return render(request, "assessment/periods.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def period_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    period = get_or_404(lambda: access_period(request.user, pk))
    status = 200
    if request.method == "POST":
        steps = {
            "compute": (
                lambda: period_compute(actor=request.user, period=period),
                _("已按记录计算考核结果。"),
            ),
            "publish": (
                lambda: period_publish(actor=request.user, period=period),
                _("考核结果已发布并冻结。"),
            ),
        }
        step = steps.get(request.POST.get("action", ""))
        if step is None:
            raise Http404
        response = run_action(request, step[0], done=reverse("assessment:period", args=[pk]), success=step[1])
        if response is not None:
            return response
        status = 400
        period = access_period(request.user, pk)
    kind = request.GET.get("kind", "")
    kind = kind if kind in SubjectKind.values else ""
    rows = result_list(request.user, period, kind=kind, q=keyword(request))
    if wants_export(request):
        return export_response(results_export(period), rows, request=request)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "period": period,
        "page_obj": page,
        "filter_query": _filter_query(request),
        "rows": page.object_list,
        "kind": kind,
        "kinds": SubjectKind.choices,
        "tools": list_tools(request),
        "actions": PERIOD_WORKFLOW.available(period.state, request.user.role_set),
        "reads_all": reads_all(request.user),
        "frozen": period.state == PeriodState.PUBLISHED,
    }
    return render(request, "assessment/period.html", context, status=status)


@login_required
def period_report(request: AuthedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("docx", "pdf"):
        raise Http404
    period = get_or_404(lambda: access_period(request.user, pk))
    rows = result_list(request.user, period)
    if fmt == "pdf":
        response = HttpResponse(report_pdf(period, rows), content_type="application/pdf")
    else:
        response = HttpResponse(report_docx(period, rows), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="assessment-{period.code}.{fmt}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def result_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    result = get_or_404(lambda: access_result(request.user, pk))
    status = 200
    if request.method == "POST":
        if request.POST.get("action") != "adjust":
            raise Http404

        def adjust() -> Any:
            return result_adjust(
                actor=request.user,
                result=result,
                score=request.POST.get("score", ""),
                reason=request.POST.get("reason", ""),
            )

        response = run_action(
            request, adjust, done=reverse("assessment:result", args=[pk]), success=_("得分已调整。")
        )
        if response is not None:
            return response
        status = 400
    can_adjust = bool(
        can_manage_assessment(request.user)
        and PERIOD_WORKFLOW.available(result.period.state, request.user.role_set)
        and result.period.state == PeriodState.COMPUTED
    )
    context = {"result": result, "period": result.period, "can_adjust": can_adjust, "posted": request.POST}
    return render(request, "assessment/result.html", context, status=status)
