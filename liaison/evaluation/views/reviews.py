"""The evaluations staff may read (the evaluated see level and text, never the evaluator), one review with
its follow-up, the evaluated party's appeal and the leader's decision."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.directory.http import AuthedHttpRequest
from liaison.directory.roles import Role
from liaison.evaluation.models import AppealState, Level
from liaison.evaluation.policies import sees_evaluator
from liaison.evaluation.selectors.evaluations import access_review, evaluator_shown, review_list
from liaison.evaluation.services.appeals import appeal_decide, appeal_lodge
from liaison.evaluation.views.common import get_or_404, parse_bool, run_action

READERS = (
    Role.CENTER_ADMIN,
    Role.CENTER_LEADER,
    Role.SUPERVISOR,
    Role.OFFICER,
    Role.GUIDE,
    Role.DEPARTMENT_ADMIN,
)


@login_required
def review_list_page(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_role(*READERS):
        raise Http404
    level, appeal, q = (
        request.GET.get("level", ""),
        request.GET.get("appeal", ""),
        request.GET.get("q", "")[:100],
    )
    rows = list(review_list(request.user, level=level, appeal=appeal, q=q)[:300])
    shows = sees_evaluator(request.user)
    for row in rows:
        row.evaluator_name = evaluator_shown(request.user, row) if shows else ""  # type: ignore[attr-defined]
    context = {
        "rows": rows,
        "levels": Level.choices,
        "level": level,
        "appeal": appeal,
        "q": q,
        "shows_evaluator": shows,
        "appeal_states": AppealState.choices,
    }
    return render(request, "evaluation/reviews.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    if request.user.has_role(Role.APPLICANT) and not request.user.has_role(*READERS):
        raise Http404
    panel = get_or_404(lambda: access_review(request.user, pk))
    status = 200
    if request.method == "POST":
        post, user = request.POST, request.user
        if post.get("action") == "decide" and panel.appeal:
            appeal_id = panel.appeal.pk
            run = lambda: appeal_decide(  # noqa: E731
                actor=user,
                appeal_id=appeal_id,
                upheld=parse_bool(post.get("upheld")),
                reason=post.get("reason", ""),
            )
        else:
            run = lambda: appeal_lodge(  # noqa: E731
                actor=user,
                evaluation_id=pk,
                grounds=post.get("grounds", ""),
                evidence=request.FILES.get("evidence"),
            )
        response = run_action(request, run, done=reverse("evaluation:review", args=[pk]))
        if response is not None:
            return response
        status = 400
        panel = access_review(request.user, pk)
    return render(
        request,
        "evaluation/review.html",
        {"panel": panel, "note": _("评价人信息仅中心和纪检监督人员可见。")},
        status=status,
    )
