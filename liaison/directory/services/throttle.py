"""Limits on repeated attempts (等保: login-failure handling; public registration abuse).

`throttle_check` refuses when any key has reached the limit inside the window; `throttle_reached` and
`throttle_count` answer without refusing; `throttle_hit` counts an attempt; `throttle_clear` forgets a key's
attempts (a successful sign-in). Old rows are pruned on the way. The sign-in rules built on these are in
`services/signin.py`; the registration rule in `liaison/intake/services/enterprises.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.core.errors import TooManyAttempts
from liaison.directory.models import ThrottleEvent


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    window: dt.timedelta


# Failed sign-ins per account: five within 15 minutes lock that account.
LOGIN_ACCOUNT_FAILURES = Limit("login", 5, dt.timedelta(minutes=15))
# Failed sign-ins per client address: many people share one address behind a proxy, so this never locks
# anyone out; past it only unknown or recently failing accounts are refused (services/signin.py).
LOGIN_ADDRESS_FAILURES = Limit("login_ip", 50, dt.timedelta(minutes=15))
REGISTRATIONS = Limit("register", 5, dt.timedelta(hours=1))


def _keys(keys: Iterable[str]) -> list[str]:
    return sorted({k.strip().lower()[:200] for k in keys if k and k.strip()})


def throttle_count(limit: Limit, key: str, *, now: dt.datetime | None = None) -> int:
    """How many attempts `key` made inside the limit's window."""
    since = (now or timezone.now()) - limit.window
    return ThrottleEvent.objects.filter(scope=limit.scope, key__in=_keys([key]), at__gt=since).count()


def throttle_reached(limit: Limit, key: str, *, now: dt.datetime | None = None) -> bool:
    """Whether `key` has used up its attempts inside the window."""
    return throttle_count(limit, key, now=now) >= limit.attempts


def throttle_check(limit: Limit, keys: Iterable[str], *, now: dt.datetime | None = None) -> None:
    """Raise TooManyAttempts if any of `keys` has reached the limit."""
    for key in _keys(keys):
        if throttle_reached(limit, key, now=now):
            raise throttle_error(limit)


def throttle_error(limit: Limit) -> TooManyAttempts:
    minutes = int(limit.window.total_seconds() // 60)
    return TooManyAttempts(
        _("尝试次数过多，请 %(m)d 分钟后再试。") % {"m": minutes}, details={"scope": limit.scope}
    )


def throttle_hit(limit: Limit, keys: Iterable[str], *, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    ThrottleEvent.objects.bulk_create(ThrottleEvent(scope=limit.scope, key=k, at=now) for k in _keys(keys))
    ThrottleEvent.objects.filter(scope=limit.scope, at__lt=now - 2 * limit.window).delete()


def throttle_clear(limit: Limit, key: str) -> None:
    ThrottleEvent.objects.filter(scope=limit.scope, key__in=_keys([key])).delete()
