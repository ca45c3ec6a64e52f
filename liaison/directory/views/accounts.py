"""账号管理 (the system administrator): accounts with search and pagination, roles granted and revoked,
accounts deactivated and reactivated — each through its service, each audited."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.core.errors import DomainError, NotFound
from liaison.core.listing import keyword
from liaison.core.paging import paginate, querystring_without_page
from liaison.directory.http import AuthedHttpRequest
from liaison.directory.policies import can_change_account
from liaison.directory.roles import Role
from liaison.directory.selectors.accounts import access_account, account_list
from liaison.directory.services.accounts import (
    account_deactivate,
    account_reactivate,
    account_role_grant,
    account_role_revoke,
)


@login_required
def account_list_page(request: AuthedHttpRequest) -> HttpResponse:
    role = request.GET.get("role", "")
    active = request.GET.get("active", "")
    try:
        rows = account_list(
            user=request.user, q=keyword(request), role=role if role in Role.values else "", active=active
        )
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    return render(
        request,
        "directory/account_list.html",
        {
            "page_obj": paginate(request, rows),
            "filter_query": querystring_without_page(request),
            "q": keyword(request),
            "role": role,
            "active": active,
            "roles": Role.choices,
        },
    )


@login_required
def account_detail(request: AuthedHttpRequest, account_id: int) -> HttpResponse:
    try:
        account = access_account(request.user, account_id)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    held = account.role_set
    return render(
        request,
        "directory/account_detail.html",
        {
            "account": account,
            "held_roles": [(code, label) for code, label in Role.choices if code in held],
            "grantable_roles": [(code, label) for code, label in Role.choices if code not in held],
            "allowed_actions": {"change": bool(can_change_account(request.user, account))},
        },
    )


@login_required
@require_POST
def account_change(request: AuthedHttpRequest, account_id: int) -> HttpResponse:
    """One change from the account page: `action` is grant, revoke, deactivate or reactivate."""
    try:
        account = access_account(request.user, account_id)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    action = request.POST.get("action", "")
    role = request.POST.get("role", "")
    try:
        if action == "grant":
            account_role_grant(actor=request.user, account=account, role=role)
            messages.success(request, _("已授予角色。"))
        elif action == "revoke":
            account_role_revoke(actor=request.user, account=account, role=role)
            messages.success(request, _("已撤销角色。"))
        elif action == "deactivate":
            account_deactivate(actor=request.user, account=account)
            messages.success(request, _("账号已停用。"))
        elif action == "reactivate":
            account_reactivate(actor=request.user, account=account)
            messages.success(request, _("账号已启用。"))
        else:
            messages.error(request, _("请求无效。"))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    return HttpResponseRedirect(reverse("directory:account_detail", args=[account.pk]))
