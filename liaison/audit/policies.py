"""Who may read the audit trail: the centre and the discipline-inspection supervisors (Art. 22–23)."""

from __future__ import annotations

from typing import Any

import rules

# directory.roles.OVERSIGHT_ROLES; audit sits below directory and names the role codes itself.
AUDIT_READER_ROLES = ("center_admin", "center_leader", "supervisor")


def _holds_oversight_role(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*AUDIT_READER_ROLES))


@rules.predicate
def can_view_audit_trail(user: Any, obj: Any = None) -> bool:
    """Centre staff, centre leaders and supervisors read every event; nobody else reads any."""
    return _holds_oversight_role(user)


@rules.predicate
def can_verify_audit_chain(user: Any, obj: Any = None) -> bool:
    """The same readers may ask the system to recompute the hash chain."""
    return _holds_oversight_role(user)
