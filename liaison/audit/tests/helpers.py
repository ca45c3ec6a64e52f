"""Recording events for the audit tests through the real service."""

from __future__ import annotations

from typing import Any

from liaison.audit.models import AuditEvent
from liaison.audit.services.events import audit_record


def record(actor: Any = None, n: int = 1, **kwargs: Any) -> list[AuditEvent]:
    """`n` events about a department-like record, each with a before/after change."""
    return [
        audit_record(
            actor=actor,
            action=kwargs.get("action", "department.update"),
            object_type=kwargs.get("object_type", "directory.department"),
            object_id=kwargs.get("object_id", 7),
            object_repr=kwargs.get("object_repr", "区发展和改革局"),
            summary=kwargs.get("summary", f"修改第{i + 1}次"),
            before={"phone": f"0871-6310000{i}", "is_active": True},
            after={"phone": f"0871-6310001{i}", "is_active": True},
        )
        for i in range(n)
    ]
