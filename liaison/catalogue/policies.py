"""Who may do what in the catalogue (Art. 4, 5, 20, 22). Pure predicates; views, API and services share them.

The catalogue itself is public information: every signed-in role reads it. The centre manages
departments and every item; a department admin manages its own department's items and proposes
changes of their guides, which the centre registers (备案).
"""

from __future__ import annotations

from typing import Any

import rules

from liaison.catalogue.models import ApprovalItem, GuideChange, GuideChangeStatus
from liaison.directory.roles import Role

# Roles that need a guide's phones in full to do their work; everybody else sees them masked.
GUIDE_CONTACT_ROLES = (
    Role.CENTER_ADMIN,
    Role.CENTER_LEADER,
    Role.SUPERVISOR,
    Role.OFFICER,
    Role.GUIDE,
    Role.DEPARTMENT_ADMIN,
)
GUIDE_CHANGE_READER_ROLES = (Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR)


def _has_role(user: Any, *roles: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(*roles))


def _is_admin_of(user: Any, department_id: int | None) -> bool:
    return bool(
        department_id is not None
        and _has_role(user, Role.DEPARTMENT_ADMIN)
        and user.department_id == department_id
    )


@rules.predicate
def can_view_catalogue(user: Any, obj: Any = None) -> bool:
    """Every signed-in person reads the catalogue: items and departments are public information."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def can_manage_department(user: Any, department: Any = None) -> bool:
    """Only the centre creates and edits departments."""
    return _has_role(user, Role.CENTER_ADMIN)


@rules.predicate
def can_create_item(user: Any, department: Any = None) -> bool:
    """The centre adds items anywhere; a department admin in its own department (any, when None)."""
    if _has_role(user, Role.CENTER_ADMIN):
        return True
    if department is None:
        return _is_admin_of(user, getattr(user, "department_id", None))
    return _is_admin_of(user, getattr(department, "pk", department))


@rules.predicate
def can_manage_item(user: Any, item: ApprovalItem | None) -> bool:
    """The centre manages any item; a department admin only its own department's items."""
    if _has_role(user, Role.CENTER_ADMIN):
        return True
    return item is not None and _is_admin_of(user, item.department_id)


@rules.predicate
def can_view_guide_contacts(user: Any, item: Any = None) -> bool:
    """Guides' phones in full for the people who work with them; masked for applicants and others."""
    return _has_role(user, *GUIDE_CONTACT_ROLES)


@rules.predicate
def can_propose_guide_change(user: Any, item: ApprovalItem | None) -> bool:
    """The item's department admin (or the centre) reports a new guide (Art. 5)."""
    if item is None or not item.is_active:
        return False
    return _has_role(user, Role.CENTER_ADMIN) or _is_admin_of(user, item.department_id)


@rules.predicate
def can_assign_guide(user: Any, item: ApprovalItem | None) -> bool:
    """The centre changes an item's guide directly, without a proposal."""
    return item is not None and item.is_active and _has_role(user, Role.CENTER_ADMIN)


@rules.predicate
def can_list_guide_changes(user: Any, obj: Any = None) -> bool:
    """The centre, supervisors and department admins see (some) guide changes."""
    return _has_role(user, *GUIDE_CHANGE_READER_ROLES) or _is_admin_of(
        user, getattr(user, "department_id", None)
    )


@rules.predicate
def can_view_guide_change(user: Any, change: GuideChange | None) -> bool:
    """The centre and supervisors see every change; a department admin its own department's."""
    if change is None:
        return False
    return _has_role(user, *GUIDE_CHANGE_READER_ROLES) or _is_admin_of(user, change.item.department_id)


def _is_open(change: GuideChange | None) -> bool:
    return change is not None and change.status == GuideChangeStatus.PROPOSED


@rules.predicate
def can_register_guide_change(user: Any, change: GuideChange | None) -> bool:
    """Only the centre registers (备案) or returns an open proposal."""
    return _is_open(change) and _has_role(user, Role.CENTER_ADMIN)


can_reject_guide_change = can_register_guide_change


@rules.predicate
def can_cancel_guide_change(user: Any, change: GuideChange | None) -> bool:
    """The proposer withdraws its own open proposal."""
    return bool(
        _is_open(change) and change is not None and change.proposed_by_id == getattr(user, "pk", None)
    )


def item_allowed_actions(user: Any, item: ApprovalItem) -> dict[str, bool]:
    """The buttons an item page shows for `user`."""
    return {
        "edit": can_manage_item(user, item),
        "deactivate": can_manage_item(user, item) and item.is_active,
        "activate": can_manage_item(user, item) and not item.is_active,
        "assign_guide": can_assign_guide(user, item),
        "propose_guide_change": can_propose_guide_change(user, item) and not can_assign_guide(user, item),
        "view_guide_changes": can_list_guide_changes(user),
    }


def guide_change_allowed_actions(user: Any, change: GuideChange) -> dict[str, bool]:
    """The buttons a guide-change page shows for `user`."""
    return {
        "register": can_register_guide_change(user, change),
        "reject": can_reject_guide_change(user, change),
        "cancel": can_cancel_guide_change(user, change),
    }
