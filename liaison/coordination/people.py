"""Who is told: the active holders of some roles (the centre's own admins come from intake's
`centre_admins`, which this generalises)."""

from __future__ import annotations

from liaison.directory.models import User


def users_with_roles(*roles: str) -> list[User]:
    """The active users holding any of `roles`, by id."""
    return list(User.objects.filter(is_active=True, memberships__role__in=roles).distinct().order_by("pk"))
