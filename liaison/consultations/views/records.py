"""Supervision pages: guides' and departments' reply records, the centre's overview of open
consultations by department and light, and the centre's reply settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from liaison.consultations.forms import SettingsForm
from liaison.consultations.lights import LIGHT_LABELS
from liaison.consultations.policies import can_manage_consultation_settings, records_scope
from liaison.consultations.selectors.records import (
    OpenOverview,
    open_overview,
    scoped_department_records,
    scoped_guide_records,
)
from liaison.consultations.services.settings import consultation_settings_save
from liaison.consultations.settings_row import consultation_settings
from liaison.consultations.views.common import actor_of, form_error
from liaison.core.errors import DomainError

LIGHT_COLOURS = {"red": "#d63939", "yellow": "#e0a800", "unknown": "#6c757d", "green": "#2e9d4f"}


def chart_data(overview: OpenOverview) -> dict[str, Any]:
    lights = list(overview.totals)
    return {
        "departments": [name or "—" for name, _counts in overview.by_department],
        "series": [
            {
                "name": str(LIGHT_LABELS[light]),
                "colour": LIGHT_COLOURS.get(light, "#6c757d"),
                "values": [counts.get(light, 0) for _name, counts in overview.by_department],
            }
            for light in lights
        ],
    }


@login_required
@require_GET
def records(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    scope = records_scope(user)
    if scope is None:
        raise Http404(_("页面不存在。"))
    overview = open_overview() if scope.whole_district else None
    context = {
        "guides": scoped_guide_records(scope),
        "departments": scoped_department_records(scope),
        "reads_departments": scope.reads_departments,
        "overview": overview,
        "lights": [LIGHT_LABELS[light] for light in overview.totals] if overview else [],
        "overview_rows": [
            (name, [counts.get(light, 0) for light in overview.totals])
            for name, counts in overview.by_department
        ]
        if overview
        else [],
        "overview_totals": list(overview.totals.values()) if overview else [],
        "data": chart_data(overview) if overview else None,
        "own_department": user.department if not scope.whole_district else None,
        "can_settings": can_manage_consultation_settings(user),
    }
    return render(request, "consultations/records.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    if not can_manage_consultation_settings(user):
        raise Http404(_("页面不存在。"))
    row = consultation_settings()
    form = SettingsForm(
        request.POST or None,
        initial={
            "reply_days": row.reply_days,
            "yellow_threshold_days": row.yellow_threshold_days,
            "overdue_repeat_days": row.overdue_repeat_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            consultation_settings_save(actor=user, **form.cleaned_data)
        except DomainError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("咨询设置已保存，新发起的咨询按新的答复期限计算。"))
            return HttpResponseRedirect(reverse("consultations:settings"))
    return render(request, "consultations/settings.html", {"form": form})
