"""Ends idle and over-age sessions before the view runs (services/sessions.py); holds a staff session back
until its second factor is given (services/second_factor.py); sends a user whose password must be changed
to the change page (services/passwords.py)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.directory.services.passwords import password_change_reason
from liaison.directory.services.second_factor import ENROL, NOT_NEEDED, VERIFIED, second_factor_state
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


# Pages a session that still owes its second factor can reach (the code and enrolment pages are named).
SECOND_FACTOR_EXEMPT_PREFIXES = ("/static/", "/i18n/", "/healthz", "/captcha/", "/accounts/login/")
SECOND_FACTOR_PAGES = ("second_factor_verify", "second_factor_enrol", "logout")


class SecondFactorMiddleware:
    """After authentication and django-otp's middleware: a staff session without a verified second factor
    reaches only the code (or enrolment) page and sign-out; on the API it counts as not signed in, so
    session-authenticated endpoints answer 401 while the API's tokens (their own credentials) still work."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.exempt_paths: tuple[str, ...] | None = None

    def _exempt(self, path: str) -> bool:
        if self.exempt_paths is None:
            self.exempt_paths = tuple(reverse(name) for name in SECOND_FACTOR_PAGES)
        return path.startswith(SECOND_FACTOR_EXEMPT_PREFIXES) or path in self.exempt_paths

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._exempt(request.path):
            return self.get_response(request)
        state = second_factor_state(request)
        if state in (NOT_NEEDED, VERIFIED):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            request.user = AnonymousUser()
            return self.get_response(request)
        target = reverse("second_factor_enrol" if state == ENROL else "second_factor_verify")
        if state == ENROL:
            messages.warning(request, _("请先绑定身份验证器（双因素认证），再使用本平台。"))
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


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
