"""The enterprise's evaluation pages: what it is invited to evaluate, and the form for one subject (give,
change within 24 hours, add a comment after)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.directory.http import AuthedHttpRequest
from liaison.evaluation.models import Level
from liaison.evaluation.selectors.evaluations import access_invitation, invitation_list
from liaison.evaluation.services.evaluations import evaluation_change, evaluation_comment_add, evaluation_give
from liaison.evaluation.views.common import get_or_404, run_action


@login_required
def my_invitations(request: AuthedHttpRequest) -> HttpResponse:
    rows = list(invitation_list(request.user)[:300])
    return render(request, "evaluation/mine.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def invitation_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    panel = get_or_404(lambda: access_invitation(request.user, pk))
    status = 200
    if request.method == "POST":
        post, user = request.POST, request.user
        action = post.get("action", "")
        run: Callable[[], Any]
        values: dict[str, Any] = {
            "level": post.get("level"),
            "guide_level": post.get("guide_level"),
            "reason_ids": post.getlist("reasons"),
            "text": post.get("text", ""),
        }
        if action == "comment" and panel.mine:
            mine = panel.mine.pk
            run = lambda: evaluation_comment_add(actor=user, evaluation_id=mine, text=post.get("comment", ""))  # noqa: E731
        elif action == "change" and panel.mine:
            mine = panel.mine.pk
            run = lambda: evaluation_change(actor=user, evaluation_id=mine, **values)  # noqa: E731
        else:
            run = lambda: evaluation_give(actor=user, invitation_id=pk, **values)  # noqa: E731
        done = reverse("evaluation:invitation", args=[pk])
        response = run_action(request, run, done=done, success=_("感谢您的评价。"))
        if response is not None:
            return response
        status = 400
    context = {"panel": panel, "levels": Level.choices, "posted": request.POST if status == 400 else None}
    return render(request, "evaluation/invitation.html", context, status=status)
