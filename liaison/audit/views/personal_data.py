"""个人信息查看记录: who saw phones in full, on which page, when (for the centre and supervisors)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from liaison.audit.selectors.personal_data import personal_data_view_list
from liaison.core.errors import NotFound
from liaison.core.paging import paginate, querystring_without_page


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
def personal_data_views(request: HttpRequest) -> HttpResponse:
    try:
        rows = personal_data_view_list(
            user=request.user, viewer_id=_int(request.GET.get("user")), day=_day(request.GET.get("day"))
        )
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    return render(
        request,
        "audit/personal_data_views.html",
        {
            "page_obj": paginate(request, rows),
            "filter_query": querystring_without_page(request),
            "day": request.GET.get("day", ""),
        },
    )
