"""The supervisors' pages of the integrity track: the list and one complaint, its content unsealed (and the
read logged) only here."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from liaison.complaints.exports import INTEGRITY_EXPORT
from liaison.complaints.models import Finding, IntegrityState, Track
from liaison.complaints.policies import integrity_filter
from liaison.complaints.selectors.complaints import access_integrity, integrity_list
from liaison.complaints.services import integrity as svc
from liaison.complaints.services.transfer import complaint_transfer
from liaison.complaints.views.common import get_or_404, run_action
from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest


@login_required
def integrity_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if integrity_filter(request.user) is None:
        raise Http404
    state = request.GET.get("state", "")
    state = state if state in IntegrityState.values else ""
    rows = integrity_list(request.user, state=state, q=keyword(request))
    if wants_export(request):
        return export_response(INTEGRITY_EXPORT, rows, request=request)
    page_obj = paginate(request, rows)
    context = {
        "page_obj": page_obj,
        "rows": page_obj.object_list,
        "state": state,
        "states": [c for c in IntegrityState.choices if c[0] != IntegrityState.TRANSFERRED],
        "tools": list_tools(request),
        "filter_query": querystring_without_page(request),
    }
    return render(request, "complaints/integrity_list.html", context)


def _action(request: AuthedHttpRequest, pk: int) -> Any:
    post, user = request.POST, request.user
    return {
        "register": lambda: svc.integrity_register(actor=user, complaint_id=pk),
        "conclude": lambda: svc.integrity_conclude(
            actor=user,
            complaint_id=pk,
            finding=post.get("finding", ""),
            conclusion=post.get("conclusion", ""),
        ),
        "task": lambda: svc.task_send(actor=user, complaint_id=pk, request=post.get("request", "")),
        "transfer": lambda: complaint_transfer(
            actor=user, complaint_id=pk, track_from=Track.INTEGRITY, reason=post.get("reason", "")
        ),
    }.get(post.get("action", ""))


@login_required
@require_http_methods(["GET", "POST"])
def integrity_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    panel = get_or_404(lambda: access_integrity(request.user, pk))
    status = 200
    if request.method == "POST":
        action = _action(request, pk)
        if action is None:
            raise Http404
        name = request.POST.get("action")
        done = (
            reverse("complaints:integrity")
            if name == "transfer"
            else reverse("complaints:integrity_detail", args=[pk])
        )
        response = run_action(request, action, done=done)
        if response is not None:
            return response
        status = 400
        panel = access_integrity(request.user, pk)
    context = {
        "panel": panel,
        "findings": Finding.choices,
        "can_send_task": panel.complaint.state == IntegrityState.VERIFYING,
    }
    return render(request, "complaints/integrity_detail.html", context, status=status)
