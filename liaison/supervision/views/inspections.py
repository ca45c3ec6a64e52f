"""Inspections: the list (the supervisors' and the centre leaders' whole list; the party's own), opening
one, and one inspection with the steps its reader may take."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.deadlines.lights import LIGHT_LABELS, Light
from liaison.directory.http import AuthedHttpRequest
from liaison.supervision.exports import INSPECTION_EXPORT
from liaison.supervision.models import InspectionState, SubjectType
from liaison.supervision.period import window_from
from liaison.supervision.policies import can_open_inspection, visible_inspections_filter
from liaison.supervision.selectors.inspections import access_inspection, inspection_list, subject_choices
from liaison.supervision.services.inspections import (
    inspection_close,
    inspection_open,
    inspection_report,
    inspection_require_rectification,
    inspection_send_back,
)
from liaison.supervision.views.common import get_or_404, run_action


@login_required
@require_GET
def inspection_list_page(request: AuthedHttpRequest) -> HttpResponse:
    scope = visible_inspections_filter(request.user)
    if scope is not None and not request.user.has_role("officer", "department_admin"):
        raise Http404
    start, end = window_from(request.GET)
    qs = inspection_list(
        request.user,
        state=request.GET.get("state", ""),
        light=request.GET.get("light", ""),
        counted=request.GET.get("counted", ""),
        start=start,
        end=end,
        q=keyword(request),
    )
    if wants_export(request):
        return export_response(INSPECTION_EXPORT, qs, request=request)
    context = {
        "page_obj": paginate(request, qs),
        "states": InspectionState.choices,
        "state": request.GET.get("state", ""),
        "light": request.GET.get("light", ""),
        "lights": [(v, LIGHT_LABELS[v]) for v in (Light.RED, Light.YELLOW, Light.GREEN)],
        "tools": list_tools(request),
        "filter_query": querystring_without_page(request),
        "can_open": can_open_inspection(request.user),
    }
    return render(request, "supervision/inspections.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def inspection_new(request: AuthedHttpRequest) -> HttpResponse:
    if not can_open_inspection(request.user):
        raise Http404
    status = 200
    if request.method == "POST":
        post = request.POST
        subject_type = post.get("subject_type", "")
        response = run_action(
            request,
            lambda: inspection_open(
                actor=request.user,
                subject_type=subject_type,
                subject_id=post.get(f"subject_{subject_type}", "")
                if subject_type in SubjectType.values
                else "",
                title=post.get("title", ""),
                findings=post.get("findings", ""),
            ),
            done=lambda i: reverse("supervision:inspection", args=[i.pk]),
        )
        if response is not None:
            return response
        status = 400
    context = {
        "choices": subject_choices(),
        "subject_types": SubjectType.choices,
        "posted": request.POST if status == 400 else None,
    }
    return render(request, "supervision/inspection_new.html", context, status=status)


def _action(request: AuthedHttpRequest, pk: int) -> Any:
    post, user, name = request.POST, request.user, request.POST.get("action", "")
    actions = {
        "require": lambda: inspection_require_rectification(
            actor=user,
            inspection_id=pk,
            asked=post.get("asked", ""),
            rectify_days=post.get("rectify_days", ""),
        ),
        "report": lambda: inspection_report(actor=user, inspection_id=pk, report=post.get("report", "")),
        "send_back": lambda: inspection_send_back(
            actor=user,
            inspection_id=pk,
            comment=post.get("comment", ""),
            rectify_days=post.get("rectify_days") or None,
        ),
        "close": lambda: inspection_close(
            actor=user, inspection_id=pk, conclusion=post.get("conclusion", "")
        ),
    }
    return actions.get(name)


@login_required
@require_http_methods(["GET", "POST"])
def inspection_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    panel = get_or_404(lambda: access_inspection(request.user, pk))
    status = 200
    if request.method == "POST":
        action = _action(request, pk)
        if action is None:
            raise Http404
        response = run_action(request, action, done=reverse("supervision:inspection", args=[pk]))
        if response is not None:
            return response
        status = 400
        panel = access_inspection(request.user, pk)
    context = {"panel": panel, "posted": request.POST if status == 400 else None}
    return render(request, "supervision/inspection.html", context, status=status)
