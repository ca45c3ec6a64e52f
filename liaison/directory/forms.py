"""The sign-in form with login-failure handling (等保 2.0: limit consecutive failures, lock for a while)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from liaison.core.errors import DomainError
from liaison.directory.services.throttle import (
    LOGIN_FAILURES,
    client_address,
    throttle_check,
    throttle_clear,
    throttle_hit,
)


class ThrottledAuthenticationForm(AuthenticationForm):
    """Five failures for one account or from one address within 15 minutes lock sign-in there for 15 minutes."""

    throttled = False

    def clean(self) -> dict[str, Any]:
        username = str(self.cleaned_data.get("username") or "")
        keys = [f"user:{username}", f"ip:{client_address(self.request)}"]
        try:
            throttle_check(LOGIN_FAILURES, keys)
        except DomainError as exc:
            self.throttled = True
            raise forms.ValidationError(str(exc.message), code="throttled") from None
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle_hit(LOGIN_FAILURES, keys)
            raise
        throttle_clear(LOGIN_FAILURES, f"user:{username}")
        return cleaned
