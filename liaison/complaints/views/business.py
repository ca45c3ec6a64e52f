"""The business track's pages: the list (with the transfer lines the centre may see), one complaint with
its actions, an evidence file, and the supervisors' cooperation tasks the centre answers."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods

from liaison.complaints.crypto import open_bytes
from liaison.complaints.exports import BUSINESS_EXPORT
from liaison.complaints.figures import track_totals
from liaison.complaints.models import BusinessState, Finding, Satisfaction, Track
from liaison.complaints.policies import business_filter, reads_transfer_lines
from liaison.complaints.selectors.complaints import (
    access_business,
    access_evidence,
    access_task,
    business_list,
    department_requests,
    task_list,
    transfer_lines,
)
from liaison.complaints.services import business as svc
from liaison.complaints.services.integrity import task_answer
from liaison.complaints.services.transfer import complaint_transfer
from liaison.complaints.views.common import get_or_404, run_action
from liaison.core.bounds import id_or_none
from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.models import Department
from liaison.directory.roles import Role


@login_required
def complaint_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if business_filter(request.user) is None:
        raise Http404
    state = request.GET.get("state", "")
    state = state if state in BusinessState.values else ""
    rows = business_list(request.user, state=state, q=keyword(request))
    if request.GET.get("cooperation") == "open":
        rows = rows.filter(pk__in=department_requests(request.user).values("complaint_id"))
    if wants_export(request):
        return export_response(BUSINESS_EXPORT, rows, request=request)
    page_obj = paginate(request, rows)
    centre = reads_transfer_lines(request.user)
    context = {
        "page_obj": page_obj,
        "rows": page_obj.object_list,
        "state": state,
        "states": [c for c in BusinessState.choices if c[0] != BusinessState.TRANSFERRED],
        "tools": list_tools(request),
        "filter_query": querystring_without_page(request),
        "transfers": transfer_lines() if centre else None,
        "integrity_counts": track_totals(Track.INTEGRITY) if centre else None,
    }
    return render(request, "complaints/list.html", context)


def _action(request: AuthedHttpRequest, pk: int) -> Any:
    post, user, name = request.POST, request.user, request.POST.get("action", "")
    actions = {
        "register": lambda: svc.complaint_register(
            actor=user, complaint_id=pk, investigator_id=post.get("investigator")
        ),
        "cooperation": lambda: svc.cooperation_request(
            actor=user, complaint_id=pk, department_id=post.get("department"), request=post.get("request", "")
        ),
        "answer": lambda: svc.cooperation_answer(
            actor=user, cooperation_id=id_or_none(post.get("cooperation")) or 0, answer=post.get("answer", "")
        ),
        "reply": lambda: svc.complaint_reply(
            actor=user,
            complaint_id=pk,
            finding=post.get("finding", ""),
            measures=post.get("measures", ""),
            reply=post.get("reply", ""),
        ),
        "rate": lambda: svc.complaint_rate(
            actor=user, complaint_id=pk, satisfaction=post.get("satisfaction", "")
        ),
        "request_review": lambda: svc.complaint_request_review(
            actor=user, complaint_id=pk, reason=post.get("reason", "")
        ),
        "review": lambda: svc.complaint_review(
            actor=user, complaint_id=pk, conclusion=post.get("conclusion", "")
        ),
        "transfer": lambda: complaint_transfer(
            actor=user, complaint_id=pk, track_from=Track.BUSINESS, reason=post.get("reason", "")
        ),
    }
    return actions.get(name)


@login_required
@require_http_methods(["GET", "POST"])
def complaint_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    panel = get_or_404(lambda: access_business(request.user, pk))
    status = 200
    if request.method == "POST":
        action = _action(request, pk)
        if action is None:
            raise Http404
        done = (
            reverse("complaints:list")
            if request.POST.get("action") == "transfer"
            else reverse("complaints:detail", args=[pk])
        )
        response = run_action(request, action, done=done)
        if response is not None:
            return response
        status = 400
        panel = access_business(request.user, pk)
    context = {
        "panel": panel,
        "findings": Finding.choices,
        "satisfactions": Satisfaction.choices,
        "departments": Department.objects.filter(is_active=True).order_by("name") if panel.actions else [],
        "can_ask_department": bool(
            panel.complaint.state == BusinessState.INVESTIGATING and request.user.has_role(Role.CENTER_ADMIN)
        ),
    }
    return render(request, "complaints/detail.html", context, status=status)


@login_required
def evidence_download(request: AuthedHttpRequest, pk: int, evidence_id: int) -> HttpResponse:
    evidence, name = get_or_404(lambda: access_evidence(request.user, pk, evidence_id))
    with evidence.blob.open("rb") as handle:
        data = open_bytes(handle.read())
    response = HttpResponse(data, content_type=evidence.content_type)
    response["Content-Disposition"] = content_disposition_header(True, name or f"evidence-{evidence.pk}")
    return response


@login_required
def task_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER):
        raise Http404
    open_only = request.GET.get("open") == "1"
    page_obj = paginate(request, task_list(request.user, open_only=open_only))
    context = {
        "page_obj": page_obj,
        "rows": page_obj.object_list,
        "open_only": open_only,
        "filter_query": querystring_without_page(request),
    }
    return render(request, "complaints/tasks.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def task_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    task = get_or_404(lambda: access_task(request.user, pk))
    status = 200
    if request.method == "POST":
        response = run_action(
            request,
            lambda: task_answer(actor=request.user, task_id=pk, answer=request.POST.get("answer", "")),
            done=reverse("complaints:task", args=[pk]),
        )
        if response is not None:
            return response
        status = 400
    can_answer = task.answered_at is None and request.user.has_role(Role.CENTER_ADMIN)
    return render(request, "complaints/task.html", {"task": task, "can_answer": can_answer}, status=status)
