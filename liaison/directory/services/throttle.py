"""Limits on repeated attempts (等保: login-failure handling; public registration abuse).

`throttle_check` refuses when any key has reached the limit inside the window; `throttle_hit` counts an
attempt; `throttle_clear` forgets a key's attempts (a successful login). Old rows are pruned on the way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError
from liaison.directory.models import ThrottleEvent


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    window: dt.timedelta


LOGIN_FAILURES = Limit("login", 5, dt.timedelta(minutes=15))
REGISTRATIONS = Limit("register", 5, dt.timedelta(hours=1))


def _keys(keys: Iterable[str]) -> list[str]:
    return sorted({k.strip().lower()[:200] for k in keys if k and k.strip()})


def throttle_check(limit: Limit, keys: Iterable[str], *, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    since = now - limit.window
    for key in _keys(keys):
        if ThrottleEvent.objects.filter(scope=limit.scope, key=key, at__gt=since).count() >= limit.attempts:
            minutes = int(limit.window.total_seconds() // 60)
            raise DomainError(
                _("尝试次数过多，请 %(m)d 分钟后再试。") % {"m": minutes}, details={"scope": limit.scope}
            )


def throttle_hit(limit: Limit, keys: Iterable[str], *, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    ThrottleEvent.objects.bulk_create(ThrottleEvent(scope=limit.scope, key=k, at=now) for k in _keys(keys))
    ThrottleEvent.objects.filter(scope=limit.scope, at__lt=now - 2 * limit.window).delete()


def throttle_clear(limit: Limit, key: str) -> None:
    ThrottleEvent.objects.filter(scope=limit.scope, key__in=_keys([key])).delete()


def client_address(request: object) -> str:
    meta = getattr(request, "META", {}) or {}
    return str(meta.get("REMOTE_ADDR", "") or "")
