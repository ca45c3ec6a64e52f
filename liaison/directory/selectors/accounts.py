"""Reading accounts for the system administrator's account page."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.directory.models import RoleMembership, User
from liaison.directory.policies import can_administer_accounts


def account_list(*, user: Any, q: str = "", role: str = "", active: str = "") -> QuerySet[User]:
    """Accounts by username, with their roles; `q` searches username, name and email."""
    if not can_administer_accounts(user):
        raise NotFound(_("页面不存在。"))
    qs = User.objects.select_related("department", "enterprise").prefetch_related(
        Prefetch("memberships", queryset=RoleMembership.objects.order_by("role"))
    )
    if q:
        qs = qs.filter(Q(username__icontains=q) | Q(full_name__icontains=q) | Q(email__icontains=q))
    if role:
        qs = qs.filter(memberships__role=role)
    if active in {"1", "0"}:
        qs = qs.filter(is_active=active == "1")
    return qs.order_by("username")


def access_account(user: Any, account_id: int) -> User:
    """One account for the system administrator; missing and not allowed look the same (404)."""
    account = None
    if can_administer_accounts(user):
        account = User.objects.filter(pk=account_id).first()
    if account is None:
        raise NotFound(_("账号不存在。"))
    return account
