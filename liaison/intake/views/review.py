"""The centre's review (Art. 12): the 待受理 queue, and return / accept / reject of one request."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.core.errors import DomainError
from liaison.core.listing import export_response, list_tools, wants_export
from liaison.core.paging import paginate, querystring_without_page
from liaison.intake.exports import ENTRUSTMENT_EXPORT
from liaison.intake.forms import AcceptForm, RejectForm, ReturnForm
from liaison.intake.models import Entrustment, EntrustmentStatus
from liaison.intake.policies import READ_ALL_ROLES
from liaison.intake.selectors.entrustments import entrustment_list, entrustment_status_counts
from liaison.intake.services.review import entrustment_accept, entrustment_reject, entrustment_return
from liaison.intake.views.common import (
    actor_of,
    entrustment_or_404,
    flash_error,
    flash_form_errors,
    may_take,
    require_role,
)

ALL = "all"


@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted requests first (待受理); tabs for every other state with their counts."""
    user = require_role(request, *READ_ALL_ROLES)
    status = request.GET.get("status", EntrustmentStatus.SUBMITTED)
    status = status if status in EntrustmentStatus.values or status == ALL else EntrustmentStatus.SUBMITTED
    q = request.GET.get("q", "").strip()[:100]
    selected = "" if status == ALL else status
    rows = entrustment_list(user=user, status=selected, q=q)
    if wants_export(request):
        return export_response(ENTRUSTMENT_EXPORT, rows, request=request)
    page_obj = paginate(request, rows)
    counts = entrustment_status_counts(user=user)
    tabs = [
        {"value": value, "label": label, "count": counts.get(value, 0)}
        for value, label in EntrustmentStatus.choices
        if value != EntrustmentStatus.DRAFT
    ]
    tabs.append({"value": ALL, "label": _("全部"), "count": sum(counts.values())})
    return render(
        request,
        "intake/review_queue.html",
        {
            "page_obj": page_obj,
            "tabs": tabs,
            "status": status,
            "q": q,
            "filter_query": querystring_without_page(request),
            "tools": list_tools(request, search=False),
        },
    )


def _reviewable(request: HttpRequest, pk: int, name: str) -> Entrustment:
    entrustment = entrustment_or_404(request, pk)
    if not may_take(actor_of(request), entrustment, name):
        raise Http404(_("页面不存在。"))
    return entrustment


def _back(entrustment: Entrustment) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("intake:request_detail", args=[entrustment.pk]))


@login_required
@require_POST
def request_return(request: HttpRequest, pk: int) -> HttpResponse:
    """Return for more information: every missing item listed at once (一次性告知)."""
    entrustment = _reviewable(request, pk, "return")
    form = ReturnForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _back(entrustment)
    try:
        entrustment_return(
            actor=actor_of(request),
            entrustment=entrustment,
            missing=form.missing(),
            comment=form.cleaned_data["comment"],
        )
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(
            request, _("已退回补充，并一次性告知项目单位需补充的 %(n)d 项内容。") % {"n": len(form.missing())}
        )
    return _back(entrustment)


@login_required
@require_POST
def request_accept(request: HttpRequest, pk: int) -> HttpResponse:
    entrustment = _reviewable(request, pk, "accept")
    form = AcceptForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _back(entrustment)
    try:
        accepted = entrustment_accept(
            actor=actor_of(request), entrustment=entrustment, comment=form.cleaned_data["comment"]
        )
    except DomainError as exc:
        flash_error(request, exc)
        return _back(entrustment)
    messages.success(
        request,
        _("已受理登记，服务编号 %(n)s。请派任联络官。") % {"n": accepted.project.service_number},
    )
    return HttpResponseRedirect(reverse("intake:dispatch", args=[accepted.project_id]))


@login_required
@require_POST
def request_reject(request: HttpRequest, pk: int) -> HttpResponse:
    entrustment = _reviewable(request, pk, "reject")
    form = RejectForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _back(entrustment)
    try:
        entrustment_reject(
            actor=actor_of(request), entrustment=entrustment, reason=form.cleaned_data["reason"]
        )
    except DomainError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("已决定不予受理，并告知项目单位理由。"))
    return _back(entrustment)
