"""安全管理 (the security administrator): the security settings in force, locked accounts (release), every
user's API tokens (revoke). The personal-data access log is the audit app's page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.core.errors import DomainError, NotFound
from liaison.core.listing import keyword
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.policies import can_administer_security
from liaison.directory.selectors.security import api_token_admin_list, lockout_list
from liaison.directory.services.security import api_token_revoke_any, lockout_release
from liaison.directory.services.throttle import LOGIN_ACCOUNT_FAILURES, LOGIN_ADDRESS_FAILURES


def security_settings_rows() -> list[tuple[str, str]]:
    """The security parameters in force (set in code and the environment, shown read-only)."""
    minutes = int(LOGIN_ACCOUNT_FAILURES.window.total_seconds() // 60)
    return [
        (
            _("登录失败锁定"),
            _("同一账号 %(m)d 分钟内失败 %(n)d 次即锁定，直至窗口期结束")
            % {"m": minutes, "n": LOGIN_ACCOUNT_FAILURES.attempts},
        ),
        (
            _("同一地址失败上限"),
            _("%(m)d 分钟内 %(n)d 次（仅拒绝陌生或近期失败的账号）")
            % {"m": minutes, "n": LOGIN_ADDRESS_FAILURES.attempts},
        ),
        (
            _("会话空闲超时"),
            _("%(m)d 分钟") % {"m": settings.SESSION_IDLE_TIMEOUT // 60},
        ),
        (_("会话最长时间"), _("%(h)d 小时") % {"h": settings.SESSION_COOKIE_AGE // 3600}),
        (
            _("密码有效期"),
            _("%(d)d 天") % {"d": settings.PASSWORD_MAX_AGE_DAYS},
        ),
        (_("密码历史"), _("不得重复最近 %(n)d 次") % {"n": settings.PASSWORD_HISTORY}),
    ]


@login_required
def security_settings(request: AuthedHttpRequest) -> HttpResponse:
    if not can_administer_security(request.user):
        raise Http404
    return render(request, "directory/security_settings.html", {"rows": security_settings_rows()})


@login_required
def lockouts(request: AuthedHttpRequest) -> HttpResponse:
    try:
        rows = lockout_list(user=request.user)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    return render(request, "directory/lockouts.html", {"rows": rows})


@login_required
@require_POST
def lockout_release_page(request: AuthedHttpRequest) -> HttpResponse:
    if not can_administer_security(request.user):
        raise Http404
    try:
        lockout_release(actor=request.user, username=request.POST.get("username", ""))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("已解除锁定。"))
    return HttpResponseRedirect(reverse("directory:lockouts"))


@login_required
def tokens(request: AuthedHttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    try:
        rows = api_token_admin_list(user=request.user, q=keyword(request), state=state)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    return render(
        request,
        "directory/tokens.html",
        {
            "page_obj": paginate(request, rows),
            "filter_query": querystring_without_page(request),
            "q": keyword(request),
            "state": state,
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def token_revoke(request: AuthedHttpRequest, token_id: int) -> HttpResponse:
    if not can_administer_security(request.user):
        raise Http404
    try:
        api_token_revoke_any(actor=request.user, token_id=token_id)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("令牌已吊销。"))
    return HttpResponseRedirect(reverse("directory:tokens"))
