"""Ends idle and over-age sessions before the view runs (services/sessions.py)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse

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
