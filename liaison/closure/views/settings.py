"""The centre's closure periods page (receipt and confirmation days); other roles find nothing here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.closure.forms import ClosureSettingsForm
from liaison.closure.policies import can_manage_closure_settings
from liaison.closure.services.settings import FIELDS, closure_settings, closure_settings_update
from liaison.core.errors import DomainError


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    if not can_manage_closure_settings(request.user):
        raise Http404(_("页面不存在。"))
    row = closure_settings()
    form = ClosureSettingsForm(request.POST or None, initial={f: getattr(row, f) for f in FIELDS})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                closure_settings_update(actor=request.user, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, str(exc.message))
            else:
                messages.success(request, _("已保存。新的期限自下一步办理起计算。"))
                return HttpResponseRedirect(reverse("closure:settings"))
        status = 400
    return render(request, "closure/settings.html", {"form": form, "row": row}, status=status)
