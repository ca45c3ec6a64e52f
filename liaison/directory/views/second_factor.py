"""双因素认证: the code step after the password, enrolment (QR code, confirm, recovery codes once) and an
administrator's reset (services/second_factor.py, second_factor_enrolment.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from liaison.core.errors import DomainError, PermissionDenied, TooManyAttempts
from liaison.core.redirects import safe_next
from liaison.directory.models import User
from liaison.directory.policies import can_reset_second_factor
from liaison.directory.services.second_factor import (
    ENROL,
    VERIFY,
    second_factor_reset,
    second_factor_state,
    second_factor_verify,
)
from liaison.directory.services.second_factor_enrolment import (
    second_factor_enrol_confirm,
    second_factor_enrolment,
)


def _pending_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    """The layout of a session that is not signed in yet: no sidebar, no user menu (the page has its own
    sign-out button), since nothing behind them can be reached before the code step."""
    return {"user": AnonymousUser(), "account": request.user, "next": safe_next(request), **extra}


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': safe_next(request)})}"


def locked_out(request: HttpRequest, exc: TooManyAttempts) -> HttpResponse:
    logout(request)
    messages.error(request, str(exc.message))
    return HttpResponseRedirect(reverse("login"))


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_verify_page(request: HttpRequest) -> HttpResponse:
    state = second_factor_state(request)
    if state == ENROL:
        return HttpResponseRedirect(_with_next("second_factor_enrol", request))
    if state != VERIFY:
        return HttpResponseRedirect(safe_next(request))
    error, status = None, 200
    if request.method == "POST":
        try:
            ok = second_factor_verify(request=request, user=request.user, code=request.POST.get("code", ""))  # type: ignore[arg-type]
        except TooManyAttempts as exc:
            return locked_out(request, exc)
        if ok:
            return HttpResponseRedirect(safe_next(request))
        error, status = _("验证码不正确或已使用，请重新输入。"), 400
    context = _pending_context(request, error=error)
    return render(request, "directory/second_factor_verify.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_enrol_page(request: HttpRequest) -> HttpResponse:
    if second_factor_state(request) != ENROL:
        return HttpResponseRedirect(safe_next(request))
    user: User = request.user  # type: ignore[assignment]
    error, status = None, 200
    if request.method == "POST":
        try:
            codes = second_factor_enrol_confirm(request=request, user=user, code=request.POST.get("code", ""))
        except TooManyAttempts as exc:
            return locked_out(request, exc)
        if codes is not None:
            return recovery_codes_response(
                request, codes, heading=_("身份验证器已绑定"), next_url=safe_next(request)
            )
        error, status = _("验证码不正确，请用身份验证器中当前显示的 6 位数字重试。"), 400
    context = _pending_context(request, enrolment=second_factor_enrolment(user), error=error)
    return render(request, "directory/second_factor_enrol.html", context, status=status)


def recovery_codes_response(
    request: HttpRequest, codes: list[str], *, heading: str, next_url: str
) -> HttpResponse:
    """The new recovery codes, shown once in the answer to the request that made them: they are kept nowhere
    (not in the session either), only their digests (models/recovery.py)."""
    context = {"codes": codes, "heading": heading, "next": next_url}
    response = render(request, "directory/second_factor_recovery_codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_reset_page(request: HttpRequest) -> HttpResponse:
    """重置双因素认证 (the security administrator): the user enrols anew at the next request."""
    actor: User = request.user  # type: ignore[assignment]
    if not can_reset_second_factor(actor):
        raise Http404
    error, status = None, 200
    username = request.POST.get("username", "").strip()
    if request.method == "POST":
        target = User.objects.filter(username=username).first()
        try:
            if target is None:
                raise DomainError(_("没有用户名为“%(u)s”的账号。") % {"u": username[:150]}, field="username")
            second_factor_reset(actor=actor, user=target)
        except PermissionDenied:
            raise Http404 from None
        except DomainError as exc:
            error, status = str(exc.message), 400
        else:
            messages.success(
                request, _("已重置 %(u)s 的双因素认证，其下次访问时须重新绑定。") % {"u": target}
            )
            return HttpResponseRedirect(reverse("directory:second_factor_reset"))
    context = {"error": error, "username": username}
    return render(request, "directory/second_factor_reset.html", context, status=status)
