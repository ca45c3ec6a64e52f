"""What every form anyone can send without signing in shares: a CAPTCHA and a limit per client address.

- `CaptchaMixin` adds a `captcha` field (django-simple-captcha: an image drawn on the server, works
  offline, no third-party service). With `CAPTCHA_TEST_MODE` (on under tests) the answer `PASSED` is
  accepted.
- `throttle_public_submission(request, scope)` counts one submission of `scope` from the client address
  (`liaison.core.addresses.client_address`, proxies only as trusted) and refuses with `TooManyAttempts`
  once the address has sent `PUBLIC_SUBMISSIONS_PER_HOUR` of them within the hour. Call it just before
  saving, after the form is valid, so typing mistakes do not use the allowance.

The counters live in Django's default cache. With the local-memory cache each server process counts on
its own; a deployment with several processes sets `CACHE_URL` to a shared cache (settings.py).
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.core.addresses import client_address
from liaison.core.errors import TooManyAttempts

WINDOW_SECONDS = 3600


class CaptchaMixin(forms.Form):
    """A form anyone can send: the last field asks for the characters in a picture."""

    captcha = CaptchaField(
        label=gettext_lazy("验证码"),
        help_text=gettext_lazy("请输入图片中的字符；看不清可刷新页面换一张。"),
        error_messages={
            "invalid": gettext_lazy("验证码不正确，请重新输入。"),
            "required": gettext_lazy("请输入验证码。"),
        },
    )


def _limit() -> int:
    return int(getattr(settings, "PUBLIC_SUBMISSIONS_PER_HOUR", 5))


def _key(scope: str, address: str) -> str:
    digest = hashlib.sha256(f"{scope}|{address}".encode()).hexdigest()[:32]
    return f"public-submit:{digest}"


def throttle_public_submission(request: Any, scope: str) -> None:
    """Count this submission; raise TooManyAttempts when the address is over its hourly allowance."""
    address = client_address(request) or "unknown"
    key = _key(scope, address)
    now = time.time()
    stamps = [t for t in cache.get(key, []) if now - t < WINDOW_SECONDS]
    if len(stamps) >= _limit():
        raise TooManyAttempts(
            _("提交过于频繁，请 %(m)d 分钟后再试。")
            % {"m": max(1, int((WINDOW_SECONDS - (now - stamps[0])) // 60))},
            details={"scope": scope},
        )
    stamps.append(now)
    cache.set(key, stamps, WINDOW_SECONDS)
