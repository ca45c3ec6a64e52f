"""Who is acting and from where, for the audit trail (set per request by middleware)."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class AuditContext:
    ip: str | None = None
    acting_role: str = ""
    source: str = "web"


_current: ContextVar[AuditContext] = ContextVar("audit_context", default=AuditContext(source="system"))  # noqa: B039 - frozen


def current_context() -> AuditContext:
    return _current.get()


def set_context(ctx: AuditContext):
    return _current.set(ctx)


def reset_context(token) -> None:
    _current.reset(token)
