"""Reading what the security administrator looks after: locked accounts and every API token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.core.errors import NotFound
from liaison.directory.models import ApiToken, ThrottleEvent
from liaison.directory.policies import can_administer_security
from liaison.directory.services.throttle import LOGIN_ACCOUNT_FAILURES

# services/signin.py counts an account's failures under the key "user:<username>" (lower-cased by throttle).
ACCOUNT_KEY_PREFIX = "user:"


@dataclass(frozen=True)
class Lockout:
    username: str
    failures: int
    last_failure: Any


def _require(user: Any) -> None:
    if not can_administer_security(user):
        raise NotFound(_("页面不存在。"))


def lockout_list(*, user: Any) -> list[Lockout]:
    """Accounts locked now (five failures inside the window), the most recent failure first."""
    _require(user)
    now = timezone.now()
    rows = (
        ThrottleEvent.objects.filter(
            scope=LOGIN_ACCOUNT_FAILURES.scope,
            key__startswith=ACCOUNT_KEY_PREFIX,
            at__gt=now - LOGIN_ACCOUNT_FAILURES.window,
        )
        .values("key")
        .annotate(failures=Count("id"), last=Max("at"))
        .filter(failures__gte=LOGIN_ACCOUNT_FAILURES.attempts)
        .order_by("-last")
    )
    return [
        Lockout(
            username=row["key"].removeprefix(ACCOUNT_KEY_PREFIX),
            failures=row["failures"],
            last_failure=row["last"],
        )
        for row in rows
    ]


def api_token_admin_list(*, user: Any, q: str = "", state: str = "") -> QuerySet[ApiToken]:
    """Every user's tokens, newest first; `state` is active, revoked or expired."""
    _require(user)
    now = timezone.now()
    qs = ApiToken.objects.select_related("user").order_by("-created_at")
    if q:
        qs = qs.filter(user__username__icontains=q) | qs.filter(name__icontains=q)
    if state == "active":
        qs = qs.filter(revoked_at__isnull=True).exclude(expires_at__lte=now)
    elif state == "revoked":
        qs = qs.filter(revoked_at__isnull=False)
    elif state == "expired":
        qs = qs.filter(revoked_at__isnull=True, expires_at__lte=now)
    return qs
