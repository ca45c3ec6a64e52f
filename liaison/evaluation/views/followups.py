"""Bad reviews' follow-ups: the list (with the current step's light) and one follow-up with its steps."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.directory.http import AuthedHttpRequest
from liaison.directory.roles import Role
from liaison.evaluation.models import FollowUpState, Responsible
from liaison.evaluation.selectors.followups import access_follow_up, follow_up_list
from liaison.evaluation.services.followups import (
    follow_up_close,
    follow_up_confirm,
    follow_up_dismiss,
    follow_up_report,
    follow_up_send_back,
)
from liaison.evaluation.views.common import get_or_404, parse_bool, run_action

READERS = (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR, Role.OFFICER, Role.DEPARTMENT_ADMIN)


@login_required
def follow_up_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_role(*READERS):
        raise Http404
    open_only = request.GET.get("open") == "1"
    state = request.GET.get("state", "")
    state = state if state in FollowUpState.values else ""
    rows = follow_up_list(request.user, open_only=open_only, state=state)
    context = {"rows": rows, "open_only": open_only, "state": state, "states": FollowUpState.choices}
    return render(request, "evaluation/follow_ups.html", context)


def _action(request: AuthedHttpRequest, pk: int) -> Any:
    post, user, name = request.POST, request.user, request.POST.get("action", "")
    actions = {
        "confirm": lambda: follow_up_confirm(
            actor=user,
            follow_up_id=pk,
            verification=post.get("verification", ""),
            responsible=post.get("responsible", ""),
            asked=post.get("asked", ""),
            department_id=post.get("department") or None,
            rectify_days=post.get("rectify_days") or None,
        ),
        "dismiss": lambda: follow_up_dismiss(
            actor=user, follow_up_id=pk, verification=post.get("verification", "")
        ),
        "report": lambda: follow_up_report(actor=user, follow_up_id=pk, report=post.get("report", "")),
        "send_back": lambda: follow_up_send_back(
            actor=user, follow_up_id=pk, comment=post.get("comment", "")
        ),
        "close": lambda: follow_up_close(
            actor=user, follow_up_id=pk, accepts=parse_bool(post.get("accepts")), note=post.get("note", "")
        ),
    }
    return actions.get(name)


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    panel = get_or_404(lambda: access_follow_up(request.user, pk))
    status = 200
    if request.method == "POST":
        action = _action(request, pk)
        if action is None:
            raise Http404
        response = run_action(request, action, done=reverse("evaluation:follow_up", args=[pk]))
        if response is not None:
            return response
        status = 400
        panel = access_follow_up(request.user, pk)
    context = {
        "panel": panel,
        "responsible_choices": Responsible.choices,
        "posted": request.POST if status == 400 else None,
        "hint": _("差评须逐条回访核实、整改并回访评价人。"),
    }
    return render(request, "evaluation/follow_up.html", context, status=status)
