from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.audit.middleware import ACTIVE_ROLE_SESSION_KEY
from liaison.core.errors import DomainError
from liaison.core.redirects import safe_next
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.models import ApiToken, TokenScope
from liaison.directory.services.roles import active_role_choose
from liaison.directory.services.tokens import LIFETIMES, api_token_create, api_token_revoke


@login_required
@require_POST
def switch_role(request: AuthedHttpRequest) -> HttpResponse:
    try:
        role = active_role_choose(user=request.user, role=request.POST.get("role", ""))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        request.session[ACTIVE_ROLE_SESSION_KEY] = role
    return HttpResponseRedirect(safe_next(request))


@login_required
def api_tokens(request: AuthedHttpRequest) -> HttpResponse:
    new_secret = None
    if request.method == "POST":
        try:
            if "revoke" in request.POST:
                api_token_revoke(user=request.user, token_id=int(request.POST.get("revoke") or 0))
                messages.success(request, _("令牌已吊销。"))
                return HttpResponseRedirect(request.path)
            _token, new_secret = api_token_create(
                user=request.user,
                name=request.POST.get("name", ""),
                days=int(request.POST.get("days") or 90),
                scope=request.POST.get("scope", TokenScope.READ),
            )
        except (DomainError, ValueError) as exc:
            messages.error(request, str(getattr(exc, "message", _("请求无效。"))))
    tokens = ApiToken.objects.filter(user=request.user)
    context = {
        "tokens": tokens,
        "new_secret": new_secret,
        "lifetimes": LIFETIMES,
        "scopes": TokenScope.choices,
        "now": timezone.now(),
    }
    return render(request, "web/api_tokens.html", context)
