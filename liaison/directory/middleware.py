"""Ends idle and over-age sessions before the view runs (services/sessions.py); sends a user whose password
must be changed to the change page (services/passwords.py)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from liaison.directory.services.passwords import password_change_reason
from liaison.directory.services.sessions import session_touch


class SessionTimeoutMiddleware:
    """After authentication (and the audit context, so the event has its IP): maybe sign the user out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ended = session_touch(request=request)
        if ended and not request.path.startswith("/api/"):
            messages.info(request, ended)
        return self.get_response(request)


# Pages a user who must change the password can still reach.
PASSWORD_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz", "/api/", "/captcha/")


class PasswordPolicyMiddleware:
    """After the session checks: a signed-in user whose password expired or was set by an administrator
    is sent to the change page (the API's tokens are their own credentials and are not held up)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PASSWORD_EXEMPT_PREFIXES):
            reason = password_change_reason(request.user)
            if reason:
                messages.warning(request, reason)
                return HttpResponseRedirect(
                    f"{reverse('password_change')}?{urlencode({'next': request.get_full_path()})}"
                )
        return self.get_response(request)
