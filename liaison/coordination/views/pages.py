"""Difficulty pages: the list (by state), a project's difficulties with the raise form, one difficulty
with its history and the steps the reader may take. Thin: selectors read, one service per action."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.coordination.exports import DIFFICULTY_EXPORT
from liaison.coordination.forms import RaiseForm, StepForm
from liaison.coordination.models import DifficultyState
from liaison.coordination.policies import (
    can_manage_meetings,
    can_raise_difficulty,
    can_view_project_difficulties,
)
from liaison.coordination.selectors.difficulties import (
    WAITING,
    DifficultyDetail,
    difficulty_counts,
    difficulty_detail,
    difficulty_list,
    difficulty_waiting_states,
)
from liaison.coordination.services.difficulties import (
    COMMENT_LABELS,
    DONE_MESSAGES,
    difficulty_raise,
    difficulty_step,
)
from liaison.coordination.workflows import DIFFICULTY_WORKFLOW
from liaison.core.errors import DomainError, NotFound
from liaison.core.listing import export_response, keyword, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.tracking.models import ProjectItem
from liaison.tracking.views.common import actor_of, flash_error, project_or_404

TABS = [WAITING, "active", *DifficultyState.values, "all"]


@login_required
@require_GET
def difficulty_list_page(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    state = request.GET.get("state") or "active"
    if state not in TABS:
        state = "active"
    counts = difficulty_counts(user=user)
    active = sum(
        n for s, n in counts.items() if s not in {DifficultyState.RESOLVED, DifficultyState.WITHDRAWN}
    )
    waiting = difficulty_waiting_states(user)
    tabs = [
        *([(WAITING, _("待我处理"), sum(counts[s] for s in waiting))] if waiting else []),
        ("active", _("处理中"), active),
        *((s.value, s.label, counts[s.value]) for s in DifficultyState),
        ("all", _("全部"), sum(counts.values())),
    ]
    rows = difficulty_list(user=user, state="" if state == "all" else state, q=keyword(request))
    if wants_export(request):
        return export_response(DIFFICULTY_EXPORT, rows, request=request)
    page_obj = paginate(request, rows)
    context = {
        "tools": list_tools(request),
        "page_obj": page_obj,
        "tabs": tabs,
        "state": state,
        "filter_query": querystring_without_page(request),
        "can_settings": can_manage_meetings(user),
    }
    return render(request, "coordination/list.html", context)


def _items(project_id: int) -> list[ProjectItem]:
    return list(
        ProjectItem.objects.filter(project_id=project_id)
        .select_related("approval_item")
        .order_by("order", "pk")
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_difficulties(request: HttpRequest, pk: int) -> HttpResponse:
    user = actor_of(request)
    project = project_or_404(request, pk)
    if not can_view_project_difficulties(user, project):
        raise Http404(_("页面不存在。"))
    can_raise = can_raise_difficulty(user, project)
    items = _items(project.pk) if can_raise else []
    form = RaiseForm(request.POST or None, items=items) if can_raise else None
    if request.method == "POST":
        if form is None:
            raise Http404(_("页面不存在。"))
        if form.is_valid():
            data = form.cleaned_data
            try:
                made = difficulty_raise(
                    actor=user,
                    project=project,
                    title=data["title"],
                    description=data["description"],
                    analysis=data["analysis"],
                    proposal=data["proposal"],
                    project_item=next((i for i in items if i.pk == data["project_item"]), None),
                )
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
            else:
                return HttpResponseRedirect(reverse("coordination:detail", args=[made.pk]))
    rows = difficulty_list(user=user, project=project)
    return render(
        request,
        "coordination/project.html",
        {"project": project, "rows": rows, "form": form},
        status=400 if form is not None and form.errors else 200,
    )


def _detail_or_404(request: HttpRequest, pk: int) -> DifficultyDetail:
    try:
        return difficulty_detail(actor_of(request), pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc


@login_required
@require_GET
def difficulty_page(request: HttpRequest, pk: int) -> HttpResponse:
    detail = _detail_or_404(request, pk)
    return render(request, "coordination/detail.html", _detail_context(detail, forms={}))


def _detail_context(detail: DifficultyDetail, *, forms: dict[str, StepForm]) -> dict[str, Any]:
    actions = [
        {
            "t": t,
            "comment_label": COMMENT_LABELS[t.name],
            "form": forms.get(t.name) or StepForm(prefix=t.name),
        }
        for t in detail.actions
    ]
    return {"detail": detail, "d": detail.difficulty, "actions": actions}


@login_required
@require_POST
def difficulty_step_view(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    user = actor_of(request)
    detail = _detail_or_404(request, pk)
    if name not in COMMENT_LABELS:
        raise Http404(_("页面不存在。"))
    to_detail = HttpResponseRedirect(reverse("coordination:detail", args=[pk]))
    if name not in {t.name for t in detail.actions}:
        # not (or no longer) this user's step here: the workflow says why, as a message on the page
        try:
            DIFFICULTY_WORKFLOW.check(name, state=detail.difficulty.state, roles=detail.roles)
        except DomainError as exc:
            flash_error(request, exc)
        return to_detail
    data = request.POST.copy()
    if name != "escalate":
        data.pop(f"{name}-category", None)  # only the proposal for the project office names a category
    form = StepForm(data, prefix=name)
    if form.is_valid():
        try:
            difficulty_step(
                actor=user,
                difficulty=detail.difficulty,
                name=name,
                comment=form.cleaned_data["comment"],
                category=form.cleaned_data["category"],
            )
        except DomainError as exc:
            if isinstance(exc, NotFound):
                raise Http404(str(exc.message)) from exc
            if exc.field not in form.fields:
                flash_error(request, exc)
                return to_detail
            form.add_error(exc.field, str(exc.message))
        else:
            messages.success(request, DONE_MESSAGES[name])
            return HttpResponseRedirect(reverse("coordination:detail", args=[pk]) + "#history")
    return render(
        request, "coordination/detail.html", _detail_context(detail, forms={name: form}), status=400
    )
