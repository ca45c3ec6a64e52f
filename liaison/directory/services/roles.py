"""Granting roles and choosing which role a multi-role user is acting in."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.core.errors import DomainError
from liaison.directory.models import RoleMembership
from liaison.directory.roles import Role


def role_grant(*, user: Any, roles: list[str]) -> None:
    """Give `user` each of `roles` (idempotent)."""
    unknown = [r for r in roles if r not in Role.values]
    if unknown:
        raise DomainError(_("未知角色：%(roles)s") % {"roles": "、".join(unknown)})
    with transaction.atomic():
        for role in roles:
            RoleMembership.objects.get_or_create(user=user, role=role)
    user.__dict__.pop("role_set", None)


def active_role_choose(*, user: Any, role: str) -> str:
    """Check that `user` holds `role` before the session records it as the acting role."""
    if role not in user.role_set:
        raise DomainError(_("您没有该角色。"))
    return role
