from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from liaison.audit.context import AuditContext, reset_context, set_context

ACTIVE_ROLE_SESSION_KEY = "active_role"


def client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR is trusted; X-Forwarded-For is only honoured behind a proxy we configure.
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR")


class AuditContextMiddleware:
    """Puts the client IP and the acting role where services can write them into audit events."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        role = ""
        if hasattr(request, "session"):
            role = request.session.get(ACTIVE_ROLE_SESSION_KEY, "")
        source = "api" if request.path.startswith("/api/") else "web"
        token = set_context(AuditContext(ip=client_ip(request), acting_role=role, source=source))
        try:
            return self.get_response(request)
        finally:
            reset_context(token)
