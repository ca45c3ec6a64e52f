"""Entrustment requests as the enterprise sees them: list, draft, detail, submit, withdraw, attachments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liaison.catalogue.selectors.items import item_list
from liaison.catalogue.stages import Stage
from liaison.core.errors import DomainError
from liaison.core.paging import paginate, querystring_without_page
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.forms import (
    AcceptForm,
    AttachmentForm,
    EntrustmentForm,
    RejectForm,
    ReturnForm,
    SubmitForm,
)
from liaison.intake.models import Entrustment, EntrustmentStatus, Project
from liaison.intake.policies import is_enterprise_member
from liaison.intake.selectors.entrustments import entrustment_list
from liaison.intake.services.entrustments import (
    entrustment_save_draft,
    entrustment_submit,
    entrustment_withdraw,
)
from liaison.intake.views.common import (
    actor_of,
    clause_rows,
    entrustment_actions,
    entrustment_or_404,
    flash_error,
    form_error,
    may_take,
    posted,
    project_or_404,
)


def _detail(entrustment: Entrustment) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("intake:request_detail", args=[entrustment.pk]))


@login_required
@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in EntrustmentStatus.values else ""
    q = request.GET.get("q", "").strip()[:100]
    page_obj = paginate(request, entrustment_list(user=actor_of(request), status=status, q=q))
    return render(
        request,
        "intake/request_list.html",
        {
            "page_obj": page_obj,
            "filters": {"status": status, "q": q},
            "statuses": EntrustmentStatus.choices,
            "filter_query": querystring_without_page(request),
        },
    )


def _entrustment_form(request: HttpRequest, initial: dict[str, Any]) -> tuple[EntrustmentForm, list[Any]]:
    """The form, and the catalogue's active items grouped by stage with the chosen ones ticked."""
    items = list(item_list(active=True))
    if request.method == "POST":
        chosen = set(request.POST.getlist("items"))
    else:
        chosen = {str(v) for v in initial.get("items", [])}
    groups = [
        {
            "stage": value,
            "label": label,
            "items": [{"item": i, "checked": str(i.pk) in chosen} for i in items if i.stage == value],
        }
        for value, label in Stage.choices
    ]
    choices = [(i.pk, f"{i.code} {i.name}") for i in items]
    return EntrustmentForm(posted(request), initial=initial, item_choices=choices), groups


def _save(request: HttpRequest, form: EntrustmentForm, project: Project, entrustment: Any) -> Any:
    data = form.cleaned_data
    try:
        return entrustment_save_draft(
            actor=actor_of(request),
            project=project,
            scope=data["scope"],
            stages=data["stages"],
            item_ids=data["items"],
            notes=data["notes"],
            entrustment=entrustment,
        )
    except DomainError as exc:
        form_error(form, exc)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_or_404(request, pk)
    if not is_enterprise_member(actor_of(request), project):
        raise Http404(_("页面不存在。"))
    form, groups = _entrustment_form(request, {"scope": "full"})
    if request.method == "POST" and form.is_valid():
        entrustment = _save(request, form, project, None)
        if entrustment is not None:
            messages.success(request, _("委托申请已保存为草稿，请核对代办范围后提交。"))
            return _detail(entrustment)
    return render(
        request,
        "intake/request_form.html",
        {"form": form, "groups": groups, "project": project, "mode": "create"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entrustment = entrustment_or_404(request, pk)
    if not entrustment_actions(actor_of(request), entrustment)["edit"]:
        if request.method == "POST" and may_take(actor_of(request), entrustment, "submit"):
            messages.error(
                request, _("申请当前为“%(s)s”，不能修改。") % {"s": entrustment.get_status_display()}
            )
            return _detail(entrustment)
        raise Http404(_("页面不存在。"))
    initial = {
        "scope": entrustment.scope,
        "stages": entrustment.stages,
        "items": list(entrustment.items.values_list("pk", flat=True)),
        "notes": entrustment.notes,
    }
    form, groups = _entrustment_form(request, initial)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _save(request, form, entrustment.project, entrustment)
    )
    if saved:
        messages.success(request, _("委托申请已保存。"))
        return _detail(entrustment)
    return render(
        request,
        "intake/request_form.html",
        {
            "form": form,
            "groups": groups,
            "project": entrustment.project,
            "entrustment": entrustment,
            "mode": "edit",
        },
    )


def preview_eligibility(project: Project) -> dict[str, Any]:
    """Art. 8 as of today for a request not yet submitted; nothing is saved."""
    try:
        result = eligibility_evaluate(project=project, on=timezone.localdate()).as_json()
    except DomainError as exc:
        return {"result": None, "clauses": [], "error": str(exc.message), "preview": True}
    return {"result": result, "clauses": clause_rows(result), "error": "", "preview": True}


@login_required
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entrustment = entrustment_or_404(request, pk)
    user = actor_of(request)
    actions = entrustment_actions(user, entrustment)
    if entrustment.status in (EntrustmentStatus.DRAFT, EntrustmentStatus.RETURNED):
        eligibility = preview_eligibility(entrustment.project)
    else:
        recorded = entrustment.eligibility or {}
        eligibility = {
            "result": recorded or None,
            "clauses": clause_rows(recorded),
            "error": "",
            "preview": False,
        }
    return render(
        request,
        "intake/request_detail.html",
        {
            "e": entrustment,
            "project": entrustment.project,
            "items": list(entrustment.items.select_related("department").order_by("stage", "code")),
            "stage_labels": [Stage(s).label for s in entrustment.stages if s in Stage.values],
            "transitions": list(entrustment.transitions.select_related("actor")),
            "attachments": list(entrustment.attachments.select_related("uploaded_by")),
            "eligibility": eligibility,
            "allowed_actions": actions,
            "submit_form": SubmitForm(),
            "attachment_form": AttachmentForm(),
            "return_form": ReturnForm(),
            "accept_form": AcceptForm(),
            "reject_form": RejectForm(),
        },
    )


@login_required
@require_GET
def request_eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    """The live "check eligibility" button of a draft (htmx partial)."""
    entrustment = entrustment_or_404(request, pk)
    return render(request, "intake/includes/eligibility.html", preview_eligibility(entrustment.project))


@login_required
@require_POST
def request_submit(request: HttpRequest, pk: int) -> HttpResponse:
    entrustment = entrustment_or_404(request, pk)
    if not may_take(actor_of(request), entrustment, "submit"):
        raise Http404(_("页面不存在。"))
    form = SubmitForm(request.POST)
    form.is_valid()
    try:
        entrustment_submit(
            actor=actor_of(request),
            entrustment=entrustment,
            accept_terms=bool(form.cleaned_data.get("accept_terms")),
            ineligible_reason=form.cleaned_data.get("ineligible_reason") or "",
        )
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("申请已提交，中心审核后会通知您。"))
    return _detail(entrustment)


@login_required
@require_POST
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entrustment = entrustment_or_404(request, pk)
    if not may_take(actor_of(request), entrustment, "withdraw"):
        raise Http404(_("页面不存在。"))
    reason = request.POST.get("reason", "")[:500]
    try:
        entrustment_withdraw(actor=actor_of(request), entrustment=entrustment, reason=reason)
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("申请已撤回。"))
    return _detail(entrustment)
