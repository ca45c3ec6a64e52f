"""Background jobs of the audit trail (django-tasks): thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from liaison.audit.services.anchors import audit_head_export


@task()
def audit_head_export_job() -> int:
    """Write the chain head outside the database (0 when nothing is new)."""
    anchor = audit_head_export()
    return anchor.seq if anchor else 0
