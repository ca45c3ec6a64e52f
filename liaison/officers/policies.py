"""Who may do what with the officer registry (Art. 6). Pure predicates: no queries beyond role_set.

- center_admin manages the registry;
- center_leader and supervisor read everything;
- an officer reads the registry list (phones masked) and their own full record;
- every other role has no access.
"""

from __future__ import annotations

from typing import Any

import rules

from liaison.directory.roles import CENTRE_ROLES, OVERSIGHT_ROLES, Role
from liaison.officers.models import OfficerStatus
from liaison.officers.workflows import transition_allowed


def _has(user: Any, *roles: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*roles))


@rules.predicate
def is_center_admin(user: Any) -> bool:
    return _has(user, Role.CENTER_ADMIN)


@rules.predicate
def is_registry_reader(user: Any) -> bool:
    return _has(user, *OVERSIGHT_ROLES)


@rules.predicate
def is_own_record(user: Any, officer: Any) -> bool:
    return officer is not None and getattr(user, "pk", None) is not None and officer.user_id == user.pk


@rules.predicate
def can_list_officer(user: Any, obj: Any = None) -> bool:
    """The registry list: the centre, supervisors and officers."""
    return _has(user, *OVERSIGHT_ROLES, Role.OFFICER)


@rules.predicate
def can_view_officer(user: Any, officer: Any) -> bool:
    """One officer's full record: the centre, supervisors, and the officer themself."""
    return bool(is_registry_reader(user) or is_own_record(user, officer))


@rules.predicate
def can_register_officer(user: Any, obj: Any = None) -> bool:
    return bool(is_center_admin(user))


@rules.predicate
def can_update_officer(user: Any, officer: Any) -> bool:
    return bool(is_center_admin(user))


@rules.predicate
def can_suspend_officer(user: Any, officer: Any) -> bool:
    return bool(is_center_admin(user))


@rules.predicate
def can_reinstate_officer(user: Any, officer: Any) -> bool:
    return bool(is_center_admin(user))


@rules.predicate
def can_add_officer_record(user: Any, officer: Any) -> bool:
    return bool(is_center_admin(user))


@rules.predicate
def can_export_officer(user: Any, obj: Any = None) -> bool:
    """The registry as a spreadsheet, with full phones: the centre only."""
    return _has(user, *CENTRE_ROLES)


def officer_allowed_actions(user: Any, officer: Any) -> dict[str, bool]:
    """What `user` may do to `officer` right now: the policy and the status graph together."""
    return {
        "view": bool(can_view_officer(user, officer)),
        "edit": bool(can_update_officer(user, officer)),
        "suspend": bool(can_suspend_officer(user, officer))
        and transition_allowed(officer.status, OfficerStatus.SUSPENDED),
        "reinstate": bool(can_reinstate_officer(user, officer))
        and transition_allowed(officer.status, OfficerStatus.ACTIVE),
        "add_record": bool(can_add_officer_record(user, officer)),
    }
