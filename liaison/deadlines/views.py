"""The centre's one page for every kind of deadline's warning and repeat days."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.core.errors import DomainError
from liaison.deadlines.forms import DeadlineSettingsForm
from liaison.deadlines.kinds import deadline_kinds
from liaison.deadlines.policies import can_manage_deadline_settings
from liaison.deadlines.services.settings import deadline_settings_update
from liaison.deadlines.settings import deadline_settings


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not can_manage_deadline_settings(user):
        raise Http404(_("页面不存在。"))
    posted = request.POST.get("kind") if request.method == "POST" else None
    rows: list[dict[str, Any]] = []
    failed = False
    for kind in deadline_kinds():
        row = deadline_settings(kind.code)
        initial = {"kind": kind.code, "warning_days": row.warning_days, "repeat_days": row.repeat_days}
        form = DeadlineSettingsForm(request.POST if posted == kind.code else None, initial=initial)
        if posted == kind.code:
            if form.is_valid():
                try:
                    deadline_settings_update(
                        actor=user,
                        kind=kind.code,
                        warning_days=form.cleaned_data["warning_days"],
                        repeat_days=form.cleaned_data["repeat_days"],
                    )
                except DomainError as exc:
                    form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
                else:
                    messages.success(request, _("“%(k)s”的提醒设置已保存。") % {"k": kind.label})
                    return HttpResponseRedirect(reverse("deadlines:settings"))
            failed = True
        rows.append({"kind": kind, "row": row, "form": form})
    if posted is not None and all(r["kind"].code != posted for r in rows):
        raise Http404(_("没有这种期限。"))
    return render(request, "deadlines/settings.html", {"rows": rows}, status=400 if failed else 200)
