"""The centre's evaluation settings: periods, bad-review reasons, survey questions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from liaison.core.bounds import id_or_none
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.roles import Role
from liaison.evaluation.models import BadReviewReason, QuestionTarget, SurveyQuestion
from liaison.evaluation.services.settings import (
    PERIOD_FIELDS,
    bad_review_reason_add,
    bad_review_reason_toggle,
    evaluation_settings_update,
    survey_question_add,
    survey_question_toggle,
)
from liaison.evaluation.settings_row import evaluation_settings
from liaison.evaluation.views.common import run_action


def _int(value: str | None) -> int:
    return id_or_none(value) or 0


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_role(Role.CENTER_ADMIN):
        raise Http404
    status = 200
    if request.method == "POST":
        post, user, name = request.POST, request.user, request.POST.get("action", "")
        runs = {
            "periods": lambda: evaluation_settings_update(
                actor=user, values={f: post.get(f) for f in PERIOD_FIELDS}
            ),
            "reason_add": lambda: bad_review_reason_add(actor=user, name=post.get("name", "")),
            "reason_toggle": lambda: bad_review_reason_toggle(actor=user, reason_id=_int(post.get("id"))),
            "question_add": lambda: survey_question_add(
                actor=user, text=post.get("text", ""), target=post.get("target", "")
            ),
            "question_toggle": lambda: survey_question_toggle(actor=user, question_id=_int(post.get("id"))),
        }
        if name not in runs:
            raise Http404
        response = run_action(request, runs[name], done=reverse("evaluation:settings"))
        if response is not None:
            return response
        status = 400
    row = evaluation_settings()
    context = {
        "periods": [
            (f, getattr(row._meta.get_field(f), "verbose_name", f), getattr(row, f)) for f in PERIOD_FIELDS
        ],
        "reasons": BadReviewReason.objects.all(),
        "questions": SurveyQuestion.objects.all(),
        "targets": QuestionTarget.choices,
    }
    return render(request, "evaluation/settings.html", context, status=status)
