"""Managing the registry (center_admin): register, edit, suspend/reinstate, add record lines."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.core.errors import DomainError
from liaison.directory.http import AuthedHttpRequest
from liaison.officers.forms import OfficerEditForm, OfficerRecordForm, OfficerRegisterForm, OfficerStatusForm
from liaison.officers.models import Officer, OfficerStatus
from liaison.officers.policies import (
    can_add_officer_record,
    can_register_officer,
    can_reinstate_officer,
    can_suspend_officer,
    can_update_officer,
)
from liaison.officers.services.officer import officer_register as register_service
from liaison.officers.services.officer import officer_update
from liaison.officers.services.officer_record import officer_record_add as record_add_service
from liaison.officers.services.officer_status import officer_reinstate, officer_suspend
from liaison.officers.services.suspension import suspension_blockers
from liaison.officers.views.common import officer_or_404, raise_http, require, show_error

STATUS_SERVICES = {
    "suspend": (can_suspend_officer, officer_suspend),
    "reinstate": (can_reinstate_officer, officer_reinstate),
}


def _detail_url(officer: Officer) -> str:
    return reverse("officers:officer_detail", args=[officer.pk])


@login_required
@require_http_methods(["GET", "POST"])
def officer_register(request: AuthedHttpRequest) -> HttpResponse:
    if not can_register_officer(request.user):
        raise HttpForbidden(_("只有政务服务中心工作人员可以登记联络官。"))
    form = OfficerRegisterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            officer = register_service(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            raise_http(exc)
            show_error(form, exc)
        else:
            messages.success(
                request,
                _("已登记联络官 %(name)s，编号 %(number)s。")
                % {"name": officer.user, "number": officer.number},
            )
            return HttpResponseRedirect(_detail_url(officer))
    return render(request, "officers/officer_form.html", {"form": form, "mode": "register"})


@login_required
@require_http_methods(["GET", "POST"])
def officer_edit(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    officer = officer_or_404(request, pk)
    require(request, can_update_officer, officer)
    initial = {
        "number": officer.number,
        "full_name": officer.user.full_name,
        "mobile": officer.user.mobile,
        "unit": officer.unit,
        "registered_on": officer.registered_on,
        "email": officer.user.email,
        "notes": officer.notes,
    }
    form = OfficerEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            officer = officer_update(actor=request.user, officer=officer, **form.cleaned_data)
        except DomainError as exc:
            raise_http(exc)
            show_error(form, exc)
        else:
            messages.success(request, _("登记信息已保存。"))
            return HttpResponseRedirect(_detail_url(officer))
    return render(request, "officers/officer_form.html", {"form": form, "mode": "edit", "officer": officer})


@login_required
@require_http_methods(["GET", "POST"])
def officer_status(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    officer = officer_or_404(request, pk)
    # The action travels with the form, so a status changed meanwhile is refused, never reversed.
    default = "suspend" if officer.status == OfficerStatus.ACTIVE else "reinstate"
    form = OfficerStatusForm(request.POST if request.method == "POST" else None, initial={"action": default})
    action = form.data.get("action") if form.is_bound else default
    action = action if action in STATUS_SERVICES else default
    predicate, service = STATUS_SERVICES[action]
    require(request, predicate, officer)
    if request.method == "POST" and form.is_valid():
        try:
            officer = service(actor=request.user, officer=officer, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            raise_http(exc)
            show_error(form, exc)
        else:
            messages.success(
                request,
                _("联络官 %(name)s 的状态已变更为“%(status)s”。")
                % {"name": officer.user, "status": officer.get_status_display()},
            )
            return HttpResponseRedirect(_detail_url(officer))
    blockers = suspension_blockers(officer) if action == "suspend" else []
    return render(
        request,
        "officers/officer_status_form.html",
        {"form": form, "officer": officer, "action": action, "blockers": blockers},
    )


@login_required
@require_http_methods(["GET", "POST"])
def officer_record_add(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    officer = officer_or_404(request, pk)
    require(request, can_add_officer_record, officer)
    form = OfficerRecordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            record_add_service(actor=request.user, officer=officer, **form.cleaned_data)
        except DomainError as exc:
            raise_http(exc)
            show_error(form, exc)
        else:
            messages.success(request, _("服务记录已添加。"))
            return HttpResponseRedirect(_detail_url(officer))
    return render(request, "officers/officer_record_form.html", {"form": form, "officer": officer})
