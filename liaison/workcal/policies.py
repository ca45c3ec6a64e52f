"""Who reads and who keeps the working-day calendar."""

from __future__ import annotations

from typing import Any

import rules

from liaison.directory.roles import Role


@rules.predicate
def can_view_calendar(user: Any, obj: Any = None) -> bool:
    """Any signed-in user: the State Council schedule is public and every role counts deadlines."""
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def can_edit_calendar(user: Any, obj: Any = None) -> bool:
    """Only centre staff enter holidays, make-up days and whole years."""
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.CENTER_ADMIN))
