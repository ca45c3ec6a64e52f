"""我的双因素认证: a signed-in staff member replaces their own authenticator or issues new recovery codes,
after confirming the current password and a current code (services/second_factor_selfservice.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.core.errors import DomainError, TooManyAttempts
from liaison.directory.models import User
from liaison.directory.services.second_factor import second_factor_applies
from liaison.directory.services.second_factor_enrolment import (
    REPLACEMENT,
    second_factor_enrol_confirm,
    second_factor_enrolment,
)
from liaison.directory.services.second_factor_selfservice import (
    recovery_codes_regenerate,
    second_factor_reconfirm,
    second_factor_reconfirmed,
    second_factor_reconfirmed_clear,
    second_factor_status,
)
from liaison.directory.views.second_factor import locked_out, recovery_codes_response


def _own_user(request: HttpRequest) -> User:
    if not second_factor_applies(request.user):
        raise Http404
    return request.user  # type: ignore[return-value]


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_manage_page(request: HttpRequest) -> HttpResponse:
    user = _own_user(request)
    status = second_factor_status(user)
    error, field, code_status = None, None, 200
    if request.method == "POST" and status is not None:
        action = request.POST.get("action")
        password, code = request.POST.get("password", ""), request.POST.get("code", "")
        try:
            if action == "codes":
                codes = recovery_codes_regenerate(request=request, user=user, password=password, code=code)
                heading = _("恢复码已重新生成")
                return recovery_codes_response(request, codes, heading=heading, next_url=request.path)
            if action != "replace":
                raise DomainError(_("请选择要进行的操作。"))
            second_factor_reconfirm(
                request=request, user=user, password=password, code=code, purpose="replacement"
            )
        except TooManyAttempts as exc:
            return locked_out(request, exc)
        except DomainError as exc:
            error, field, code_status = str(exc.message), exc.field, 400
        else:
            return HttpResponseRedirect(reverse("second_factor_replace"))
    context = {"status": status, "error": error, "field": field}
    return render(request, "directory/second_factor_manage.html", context, status=code_status)


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_replace_page(request: HttpRequest) -> HttpResponse:
    user = _own_user(request)
    if not second_factor_reconfirmed(request):
        messages.warning(request, _("请先输入当前密码和验证码确认身份。"))
        return HttpResponseRedirect(reverse("second_factor_manage"))
    error, status = None, 200
    if request.method == "POST":
        try:
            code = request.POST.get("code", "")
            codes = second_factor_enrol_confirm(request=request, user=user, code=code, stage=REPLACEMENT)
        except TooManyAttempts as exc:
            return locked_out(request, exc)
        if codes is not None:
            second_factor_reconfirmed_clear(request)
            heading = _("身份验证器已更换")
            return recovery_codes_response(
                request, codes, heading=heading, next_url=reverse("second_factor_manage")
            )
        error, status = _("验证码不正确，请用新身份验证器中当前显示的 6 位数字重试。"), 400
    context = {"enrolment": second_factor_enrolment(user), "error": error, "replacing": True, "account": user}
    return render(request, "directory/second_factor_enrol.html", context, status=status)
