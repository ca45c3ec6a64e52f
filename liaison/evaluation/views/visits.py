"""Return visits: the list (planned ones with their light), one visit — assign it, record it with the
survey, turn the issue raised into a difficulty — and planning one for a project by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from liaison.directory.http import AuthedHttpRequest
from liaison.directory.roles import Role
from liaison.evaluation.models import VisitMethod, VisitState
from liaison.evaluation.selectors.visits import READERS, access_visit, visit_list
from liaison.evaluation.services.visits import (
    visit_assign,
    visit_issue_to_difficulty,
    visit_plan_manual,
    visit_record,
)
from liaison.evaluation.views.common import get_or_404, run_action
from liaison.intake.models import Project


@login_required
def visit_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_role(*READERS, Role.GUIDE):
        raise Http404
    state = request.GET.get("state", "")
    context = {
        "rows": visit_list(request.user, state=state),
        "state": state,
        "states": VisitState.choices,
        "can_plan": request.user.has_role(Role.CENTER_ADMIN),
    }
    return render(request, "evaluation/visits.html", context)


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@login_required
@require_http_methods(["GET", "POST"])
def visit_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    panel = get_or_404(lambda: access_visit(request.user, pk))
    status = 200
    if request.method == "POST":
        run: Callable[[], Any]
        post, user, name = request.POST, request.user, request.POST.get("action", "")
        if name == "assign":
            run = lambda: visit_assign(actor=user, visit_id=pk, assignee_id=post.get("assignee"))  # noqa: E731
        elif name == "difficulty":
            run = lambda: visit_issue_to_difficulty(  # noqa: E731
                actor=user,
                visit_id=pk,
                title=post.get("title", ""),
                analysis=post.get("analysis", ""),
                proposal=post.get("proposal", ""),
            )
        else:
            answers = {k[1:]: v for k, v in post.items() if k.startswith("q") and k[1:].isdigit()}
            run = lambda: visit_record(  # noqa: E731
                actor=user,
                visit_id=pk,
                visited_on=_date(post.get("visited_on", "")),
                method=post.get("method", ""),
                spoken_to=post.get("spoken_to", ""),
                answers=answers,
                issues=post.get("issues", ""),
            )
        response = run_action(request, run, done=reverse("evaluation:visit", args=[pk]))
        if response is not None:
            return response
        status = 400
        panel = access_visit(request.user, pk)
    context = {
        "panel": panel,
        "methods": VisitMethod.choices,
        "posted": request.POST if status == 400 else None,
        "today": dt.date.today().isoformat(),  # noqa: DTZ011 - a form default
        "scores": range(5, 0, -1),
    }
    return render(request, "evaluation/visit.html", context, status=status)


@login_required
@require_POST
def visit_new(request: AuthedHttpRequest) -> HttpResponse:
    """The centre plans a visit by hand for the project with this service number."""
    if not request.user.has_role(Role.CENTER_ADMIN):
        raise Http404
    number = request.POST.get("service_number", "").strip()[:32]
    project = Project.objects.filter(service_number=number).first() if number else None
    if project is None:
        messages.error(request, _("没有服务编号为“%(n)s”的项目。") % {"n": number})
        return HttpResponseRedirect(reverse("evaluation:visits"))
    visit = get_or_404(lambda: visit_plan_manual(actor=request.user, project=project))
    return HttpResponseRedirect(reverse("evaluation:visit", args=[visit.pk]))
