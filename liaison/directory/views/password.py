"""修改密码: the user's own password change (services/passwords.py), also where an expired or
administrator-set password sends the user first."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.core.errors import DomainError
from liaison.core.redirects import safe_next
from liaison.directory.services.passwords import password_change, password_change_reason


@login_required
@require_http_methods(["GET", "POST"])
def password_change_page(request: HttpRequest) -> HttpResponse:
    error, field, status = None, None, 200
    if request.method == "POST":
        try:
            user = password_change(
                user=request.user,  # type: ignore[arg-type]
                old_password=request.POST.get("old_password", ""),
                new_password=request.POST.get("new_password", ""),
                repeat=request.POST.get("repeat", ""),
            )
        except DomainError as exc:
            error, field, status = str(exc.message), exc.field, 400
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("密码已修改。"))
            return HttpResponseRedirect(safe_next(request))
    context = {
        "error": error,
        "field": field,
        "reason": password_change_reason(request.user),
        "next": safe_next(request),
    }
    return render(request, "registration/password_change.html", context, status=status)
