"""The centre's complaint periods."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from liaison.complaints.services.settings import PERIOD_FIELDS, complaint_settings_update
from liaison.complaints.settings_row import complaint_settings
from liaison.complaints.views.common import run_action
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.roles import Role


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthedHttpRequest) -> HttpResponse:
    if not request.user.has_role(Role.CENTER_ADMIN):
        raise Http404
    status = 200
    if request.method == "POST":
        values = {f: request.POST.get(f) for f in PERIOD_FIELDS}
        response = run_action(
            request,
            lambda: complaint_settings_update(actor=request.user, values=values),
            done=reverse("complaints:settings"),
        )
        if response is not None:
            return response
        status = 400
    row = complaint_settings()
    periods = [
        (f, getattr(row._meta.get_field(f), "verbose_name", f), getattr(row, f)) for f in PERIOD_FIELDS
    ]
    return render(request, "complaints/settings.html", {"periods": periods}, status=status)
