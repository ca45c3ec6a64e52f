"""Who may read the audit trail (三员分立, Art. 22–23).

The audit administrator reads, verifies and exports the trail and changes nothing; the district's
discipline-inspection supervisors keep reading and verifying it (verifying is a read: it recomputes the
chain and writes nothing, and an overseer must be able to tell whether the record was rewritten), but do
not export it. No other business role reads the trail of its own actions. The personal-data access log
belongs to the security administrator, and the supervisors keep reading it.
Audit sits below directory, so it names the role codes (directory.roles.Role) itself.
"""

from __future__ import annotations

from typing import Any

import rules

AUDIT_ADMIN = "audit_admin"
SECURITY_ADMIN = "security_admin"
SUPERVISOR = "supervisor"
AUDIT_READER_ROLES = (AUDIT_ADMIN, SUPERVISOR)
AUDIT_VERIFIER_ROLES = (AUDIT_ADMIN, SUPERVISOR)
AUDIT_EXPORTER_ROLES = (AUDIT_ADMIN,)
PERSONAL_DATA_LOG_ROLES = (SECURITY_ADMIN, SUPERVISOR)


def _holds(user: Any, roles: tuple[str, ...]) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*roles))


@rules.predicate
def can_view_audit_trail(user: Any, obj: Any = None) -> bool:
    """The audit administrator and the supervisors read every event; nobody else reads any."""
    return _holds(user, AUDIT_READER_ROLES)


@rules.predicate
def can_verify_audit_chain(user: Any, obj: Any = None) -> bool:
    """The same readers may ask the system to recompute the hash chain."""
    return _holds(user, AUDIT_VERIFIER_ROLES)


@rules.predicate
def can_export_audit_trail(user: Any, obj: Any = None) -> bool:
    """Only the audit administrator takes the trail out of the system as a workbook."""
    return _holds(user, AUDIT_EXPORTER_ROLES)


@rules.predicate
def can_view_personal_data_log(user: Any, obj: Any = None) -> bool:
    """The security administrator and the supervisors read who saw personal data in full."""
    return _holds(user, PERSONAL_DATA_LOG_ROLES)
