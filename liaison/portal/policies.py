"""Who may do what on the portal: everyone reads the public pages; the centre's staff publish documents."""

from __future__ import annotations

from typing import Any

from liaison.directory.roles import Role


def can_manage_documents(user: Any) -> bool:
    """The centre's staff write and publish new versions of the published documents."""
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_role(Role.CENTER_ADMIN)
    )
