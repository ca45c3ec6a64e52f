"""Holders of roles: who the centre's staff, its leaders and a department's administrators are. The
project-level answers (officers, guides, the enterprise's accounts) are in liaison.intake.people, which
re-exports these so that apps above intake ask one module."""

from __future__ import annotations

from django.db.models import QuerySet

from liaison.directory.models import User
from liaison.directory.roles import Role


def role_holders(*roles: str) -> QuerySet[User]:
    """The active users holding any of `roles`, by id."""
    return User.objects.filter(is_active=True, memberships__role__in=roles).distinct().order_by("pk")


def users_with_roles(*roles: str) -> list[User]:
    """The same, as a list."""
    return list(role_holders(*roles))


def centre_admins() -> list[User]:
    """Every active centre staff account."""
    return users_with_roles(Role.CENTER_ADMIN)


def centre_leaders() -> list[User]:
    """The centre's active leaders."""
    return users_with_roles(Role.CENTER_LEADER)


def department_admins(department_id: int) -> list[User]:
    """The active administrators of one department."""
    return list(role_holders(Role.DEPARTMENT_ADMIN).filter(department_id=department_id))
