from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from liaison.audit.context import AuditContext, reset_context, set_context
from liaison.core.addresses import client_address
from liaison.core.personal_data import Seen, start_collecting, stop_collecting

ACTIVE_ROLE_SESSION_KEY = "active_role"
REFUSED = frozenset({403, 404})  # a forbidden object answers 404 like a missing one: both are recorded


class AuditContextMiddleware:
    """Puts the client IP and the acting role where services can write them into audit events."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        role = ""
        if hasattr(request, "session"):
            role = request.session.get(ACTIVE_ROLE_SESSION_KEY, "")
        source = "api" if request.path.startswith("/api/") else "web"
        ip = client_address(request)  # the one rule: liaison/core/addresses.py
        token = set_context(AuditContext(ip=ip, acting_role=role, source=source))
        collecting = start_collecting()
        try:
            response = self.get_response(request)
            _record_refusal(request, response)
            return response
        finally:
            seen = stop_collecting(collecting)
            reset_context(token)
            user = getattr(request, "user", None)
            if seen is not None and seen.count and getattr(user, "is_authenticated", False):
                _log_personal_data_view(request, user=user, ip=ip, role=role, seen=seen)


def _record_refusal(request: HttpRequest, response: HttpResponse) -> None:
    """A signed-in user refused by a view (403, or 404: a forbidden object or page answers like a missing
    one): counted, and an audit event while under the per-minute bound (services/refusals.py). Whether the
    object exists is not told apart in the trail either."""
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    # `match` is None for an address no view serves: that 404 refuses nothing
    if response.status_code not in REFUSED or not getattr(user, "is_authenticated", False) or match is None:
        return
    from liaison.audit.services.refusals import refusal_record  # noqa: PLC0415 - models load after the app registry

    first = next(iter(match.kwargs.values()), "")
    refusal_record(
        user=user,
        ip=client_address(request),
        view_name=match.view_name or "",
        object_id=str(first),
        summary=f"{request.method} {request.path}",
        extra={
            "http_status": response.status_code,
            "url_arguments": {k: str(v)[:64] for k, v in match.kwargs.items()},
        },
    )


def _log_personal_data_view(
    request: HttpRequest, *, user: Any, ip: str | None, role: str, seen: Seen
) -> None:
    from liaison.audit.models import PersonalDataView  # noqa: PLC0415 - models load after the app registry

    PersonalDataView.objects.create(
        user=user,
        path=request.path[:300],
        method=request.method or "",
        ip=ip,
        acting_role=role,
        count=seen.count,
        subjects=seen.subjects,
    )
