"""The sign-in form: the password is checked by `signin_authenticate`, which applies the lockout rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from liaison.core.errors import TooManyAttempts
from liaison.directory.services.signin import signin_authenticate


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, refusing with the lockout message when a limit says so (services/signin.py)."""

    throttled = False

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            try:
                self.user_cache = signin_authenticate(
                    request=self.request, username=str(username), password=password
                )
            except TooManyAttempts as exc:
                self.throttled = True
                raise forms.ValidationError(str(exc.message), code="throttled") from None
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
