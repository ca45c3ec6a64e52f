"""Who may change the deadline settings: the centre's staff."""

from __future__ import annotations

from typing import Any

from liaison.directory.roles import Role


def can_manage_deadline_settings(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.CENTER_ADMIN))
