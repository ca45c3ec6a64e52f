"""The centre's Art. 8 data: thresholds and exchange rates with their effective dates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from liaison.core.errors import DomainError
from liaison.directory.roles import CENTRE_ROLES, Role
from liaison.intake.forms import RateForm, ThresholdForm
from liaison.intake.models import EligibilityThreshold, ExchangeRate
from liaison.intake.services.settings import eligibility_threshold_save, exchange_rate_save
from liaison.intake.views.common import form_error, posted, require_role


def _in_force(rows: list[Any], key: str, date_field: str) -> set[int]:
    """Ids of the rows in force today: per key, the latest effective on or before today."""
    today, seen, out = timezone.localdate(), set(), set()
    for row in sorted(rows, key=lambda r: getattr(r, date_field), reverse=True):
        group = getattr(row, key)
        if group not in seen and getattr(row, date_field) <= today:
            seen.add(group)
            out.add(row.pk)
    return out


@login_required
@require_GET
def eligibility_settings(request: HttpRequest) -> HttpResponse:
    user = require_role(request, *CENTRE_ROLES)
    thresholds = list(EligibilityThreshold.objects.select_related("updated_by"))
    rates = list(ExchangeRate.objects.select_related("updated_by"))
    return render(
        request,
        "intake/eligibility_settings.html",
        {
            "thresholds": thresholds,
            "rates": rates,
            "thresholds_in_force": _in_force(thresholds, "investment_source", "effective_from"),
            "rates_in_force": _in_force(rates, "currency", "effective_date"),
            "allowed_actions": {"manage": user.has_role(Role.CENTER_ADMIN)},
        },
    )


def _form_page(request: HttpRequest, form: Any, kind: str, obj: Any) -> HttpResponse:
    return render(request, "intake/settings_form.html", {"form": form, "kind": kind, "obj": obj})


def _back() -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("intake:eligibility_settings"))


@login_required
@require_http_methods(["GET", "POST"])
def threshold_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = require_role(request, Role.CENTER_ADMIN)
    threshold = None
    if pk is not None:
        threshold = EligibilityThreshold.objects.filter(pk=pk).first()
        if threshold is None:
            raise Http404(_("记录不存在。"))
    initial = (
        {
            f: getattr(threshold, f)
            for f in ("investment_source", "amount", "currency", "effective_from", "note")
        }
        if threshold
        else {}
    )
    form = ThresholdForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            eligibility_threshold_save(actor=user, threshold=threshold, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("投资额标准已保存。"))
            return _back()
    return _form_page(request, form, "threshold", threshold)


@login_required
@require_http_methods(["GET", "POST"])
def rate_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = require_role(request, Role.CENTER_ADMIN)
    rate = None
    if pk is not None:
        rate = ExchangeRate.objects.filter(pk=pk).first()
        if rate is None:
            raise Http404(_("记录不存在。"))
    initial = (
        {f: getattr(rate, f) for f in ("currency", "cny_per_unit", "effective_date", "source")}
        if rate
        else {}
    )
    form = RateForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            exchange_rate_save(actor=user, rate=rate, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("汇率已保存。"))
            return _back()
    return _form_page(request, form, "rate", rate)
