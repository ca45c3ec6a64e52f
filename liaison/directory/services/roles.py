"""Granting and revoking roles, and choosing which role a multi-role user is acting in.

三员分立: an administrator role (system, security, audit) is held alone — never with another administrator
role nor with a business role. Every grant goes through `role_grant`, so the rule is checked in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound
from liaison.directory.models import RoleMembership, User
from liaison.directory.roles import ADMIN_ROLES, Role


def _labels(roles: Iterable[str]) -> str:
    return "、".join(str(Role(r).label) for r in Role.values if r in set(roles))


def roles_separation_check(roles: Iterable[str]) -> None:
    """Refuse a set of roles that puts an administrator role beside any other role (三员分立)."""
    held = set(roles)
    admin = held & ADMIN_ROLES
    if admin and len(held) > 1:
        raise DomainError(
            _(
                "三员分立：系统管理员、安全管理员、审计管理员只能单独授予，"
                "不能与其他角色同时持有（%(roles)s）。"
            )
            % {"roles": _labels(held)},
            field="role",
        )


def role_grant(*, user: Any, roles: list[str], actor: User | None = None) -> None:
    """Give `user` each of `roles` (idempotent); with an `actor` each new role is an audit event."""
    unknown = [r for r in roles if r not in Role.values]
    if unknown:
        raise DomainError(_("未知角色：%(roles)s") % {"roles": "、".join(unknown)})
    with transaction.atomic():
        held = set(
            RoleMembership.objects.select_for_update().filter(user=user).values_list("role", flat=True)
        )
        roles_separation_check(held | set(roles))
        for role in roles:
            _membership, created = RoleMembership.objects.get_or_create(user=user, role=role)
            if created and actor is not None:
                audit_record(
                    actor=actor,
                    action="role.grant",
                    obj=user,
                    before={"roles": sorted(held)},
                    after={"roles": sorted(held | {role})},
                    summary=_("授予角色：%(role)s") % {"role": Role(role).label},
                )
                held.add(role)
    user.__dict__.pop("role_set", None)


def role_revoke(*, actor: User, user: User, role: str) -> None:
    """Take `role` from `user`, audited; a role the user does not hold is reported, nothing changes."""
    with transaction.atomic():
        held = set(
            RoleMembership.objects.select_for_update().filter(user=user).values_list("role", flat=True)
        )
        if role not in held:
            raise NotFound(_("该用户没有此角色。"))
        RoleMembership.objects.filter(user=user, role=role).delete()
        audit_record(
            actor=actor,
            action="role.revoke",
            obj=user,
            before={"roles": sorted(held)},
            after={"roles": sorted(held - {role})},
            summary=_("撤销角色：%(role)s") % {"role": Role(role).label},
        )
    user.__dict__.pop("role_set", None)


def active_role_choose(*, user: Any, role: str) -> str:
    """Check that `user` holds `role` before the session records it as the acting role."""
    if role not in user.role_set:
        raise DomainError(_("您没有该角色。"))
    return role
