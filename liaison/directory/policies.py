"""Who administers the platform itself (三员分立): accounts and roles, security (lockouts, tokens, second
factors), the audit trail (audit app)."""

from __future__ import annotations

from typing import Any

import rules

from liaison.directory.roles import Role


def _holds(user: Any, role: str) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(role))


@rules.predicate
def can_administer_accounts(user: Any, obj: Any = None) -> bool:
    """The system administrator lists accounts, grants and revokes roles, deactivates and reactivates."""
    return _holds(user, Role.SYSTEM_ADMIN)


@rules.predicate
def can_change_account(user: Any, account: Any) -> bool:
    """The system administrator changes any account but their own (nobody widens or ends their own access)."""
    return can_administer_accounts(user) and getattr(account, "pk", None) != user.pk


@rules.predicate
def can_administer_security(user: Any, obj: Any = None) -> bool:
    """The security administrator sees the security settings, releases lockouts and revokes any API token."""
    return _holds(user, Role.SECURITY_ADMIN)


@rules.predicate
def can_reset_second_factor(user: Any, account: Any = None) -> bool:
    """The security administrator (or a superuser) takes another account's second factor away; nobody their
    own. The one rule of the reset page and `manage.py otp_reset --by` (services/second_factor.py)."""
    if not (
        getattr(user, "is_authenticated", False) and (user.is_superuser or user.has_role(Role.SECURITY_ADMIN))
    ):
        return False
    return account is None or getattr(account, "pk", None) != user.pk
