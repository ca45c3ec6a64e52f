from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from liaison.audit.context import AuditContext, reset_context, set_context

ACTIVE_ROLE_SESSION_KEY = "active_role"
# A reverse proxy on the same host (nginx → gunicorn) passes the client's address in X-Real-IP.
# The header is honoured only from these addresses, so a client cannot forge its IP in the trail.
DEFAULT_TRUSTED_PROXIES = ("127.0.0.1", "::1")


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or X-Real-IP when the request came through a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR")
    trusted = getattr(settings, "AUDIT_TRUSTED_PROXIES", DEFAULT_TRUSTED_PROXIES)
    forwarded = request.META.get("HTTP_X_REAL_IP")
    if forwarded and remote in trusted:
        return forwarded.strip()
    return remote


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
