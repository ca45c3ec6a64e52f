"""The centre's page for the difficulties' periods."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.coordination.deadlines import coordination_settings
from liaison.coordination.forms import SettingsForm
from liaison.coordination.policies import can_manage_meetings
from liaison.coordination.services.settings import FIELDS, coordination_settings_save
from liaison.core.errors import DomainError
from liaison.tracking.views.common import actor_of


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    user = actor_of(request)
    if not can_manage_meetings(user):
        raise Http404(_("页面不存在。"))
    row = coordination_settings()
    form = SettingsForm(request.POST or None, initial={name: getattr(row, name) for name in FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            coordination_settings_save(actor=user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
        else:
            messages.success(request, _("难点问题期限设置已保存。"))
            return HttpResponseRedirect(reverse("coordination:settings"))
    return render(request, "coordination/settings.html", {"form": form}, status=400 if form.errors else 200)
