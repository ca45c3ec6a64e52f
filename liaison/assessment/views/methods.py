"""考核办法: the list, one method as a page and as Word, and the leader's editor (drafts only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.assessment.documents.render import method_docx, scoring_rule
from liaison.assessment.indicators import REGISTRY
from liaison.assessment.models import AssessmentMethod, MethodState
from liaison.assessment.policies import can_manage_assessment
from liaison.assessment.selectors.methods import access_method, editor_rows, method_list, method_sections
from liaison.assessment.services.methods import method_create, method_publish, method_update
from liaison.core.errors import DomainError
from liaison.directory.http import AuthedHttpRequest
from liaison.evaluation.views.common import get_or_404, run_action

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def method_list_page(request: AuthedHttpRequest) -> HttpResponse:
    context = {"methods": method_list(request.user), "can_manage": can_manage_assessment(request.user)}
    return render(request, "assessment/methods.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def method_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    method = get_or_404(lambda: access_method(request.user, pk))
    if request.method == "POST":
        if request.POST.get("action") != "publish":
            raise Http404
        done = reverse("assessment:method", args=[pk])
        response = run_action(
            request,
            lambda: method_publish(actor=request.user, method=method),
            done=done,
            success=_("考核办法已发布。"),
        )
        if response is not None:
            return response
    context = {
        "method": method,
        "indicator_sections": method_sections(method),
        "scoring_rule": scoring_rule(),
        "can_manage": can_manage_assessment(request.user) and method.state == MethodState.DRAFT,
    }
    return render(request, "assessment/method.html", context, status=400 if request.method == "POST" else 200)


def method_word(request: HttpRequest, pk: int) -> HttpResponse:
    """A published or superseded method is a public document (Art. 24): anyone may download it; a draft
    looks missing to everyone but the centre."""
    method = get_or_404(lambda: access_method(request.user, pk))
    response = HttpResponse(method_docx(method), content_type=DOCX)
    name = f"assessment-method-v{method.version}.docx" if method.version else "assessment-method-draft.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _weights(post: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in REGISTRY:
        raw = post.get(f"w_{key}", "").strip()
        if not raw:
            out[key] = 0
            continue
        try:
            out[key] = int(raw)
        except ValueError:
            raise DomainError(
                _("“%(label)s”的权重须为 0 至 100 的整数。") % {"label": REGISTRY[key].label}, field="weights"
            ) from None
    return out


@login_required
@require_http_methods(["GET", "POST"])
def method_edit(request: AuthedHttpRequest, pk: int | None = None) -> HttpResponse:
    if not can_manage_assessment(request.user):
        raise Http404
    method: AssessmentMethod | None = get_or_404(lambda: access_method(request.user, pk)) if pk else None
    if method is not None and method.state != MethodState.DRAFT:
        raise Http404
    rows = editor_rows(method)
    status = 200
    if request.method == "POST":
        post = request.POST
        try:
            weights = _weights(post)
            fields: dict[str, Any] = {
                "title": post.get("title", ""),
                "explanation": post.get("explanation", ""),
                "weights": weights,
            }
            if method is None:
                method = method_create(actor=request.user, **fields)
            else:
                method = method_update(actor=request.user, method=method, **fields)
        except DomainError as exc:
            messages.error(request, str(exc.message))
            status = 400
            rows = [{**r, "weight": post.get(f"w_{r['key']}", "")} for r in rows]
        else:
            messages.success(request, _("考核办法已保存（草稿）。"))
            return HttpResponseRedirect(reverse("assessment:method", args=[method.pk]))
    context = {
        "method": method,
        "rows": rows,
        "title": request.POST.get("title", method.title if method else ""),
        "explanation": request.POST.get("explanation", method.explanation if method else ""),
    }
    return render(request, "assessment/method_edit.html", context, status=status)
