"""The supervision desk (监督台) with its period filter, the bad-review list behind its figure, and the
drill-down to one officer, guide or department (read-only; noted in the personal-data log)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest
from liaison.supervision.exports import BAD_REVIEW_EXPORT
from liaison.supervision.period import period_from, window_from
from liaison.supervision.policies import can_open_inspection, can_read_desk
from liaison.supervision.selectors.desk import desk_sections
from liaison.supervision.selectors.lists import SUBJECT_KINDS, bad_review_list, subject_panel
from liaison.supervision.views.common import get_or_404


def _desk_reader(request: AuthedHttpRequest) -> None:
    if not can_read_desk(request.user):
        raise Http404


@login_required
@require_GET
def desk_page(request: AuthedHttpRequest) -> HttpResponse:
    _desk_reader(request)
    period = period_from(request.GET)
    if period.error:
        messages.error(request, period.error)
    context = {
        "period": period,
        "desk": desk_sections(request.user, period),
        "can_open": can_open_inspection(request.user),
    }
    return render(request, "supervision/desk.html", context, status=400 if period.error else 200)


@login_required
@require_GET
def bad_reviews_page(request: AuthedHttpRequest) -> HttpResponse:
    _desk_reader(request)
    start, end = window_from(request.GET)
    qs = bad_review_list(start=start, end=end, q=keyword(request))
    if wants_export(request):
        return export_response(BAD_REVIEW_EXPORT, qs, request=request)
    context = {
        "page_obj": paginate(request, qs),
        "start": start,
        "end": end,
        "tools": list_tools(request),
        "filter_query": querystring_without_page(request),
    }
    return render(request, "supervision/bad_reviews.html", context)


@login_required
@require_GET
def subject_page(request: AuthedHttpRequest, kind: str, pk: int) -> HttpResponse:
    _desk_reader(request)
    if kind not in SUBJECT_KINDS:
        raise Http404
    period = period_from(request.GET)
    panel = get_or_404(lambda: subject_panel(kind, pk, start=period.start, end=period.end))
    return render(request, "supervision/subject.html", {"panel": panel, "period": period})
