"""The system administrator's changes to accounts: roles granted and revoked, accounts deactivated and
reactivated. Each is checked against `policies.can_change_account` and audited in its transaction."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.models import User
from liaison.directory.policies import can_change_account
from liaison.directory.services.roles import role_grant, role_revoke


def _require(actor: User, account: User) -> None:
    if not can_change_account(actor, account):
        raise PermissionDenied(_("系统管理员不能修改自己的账号或角色；其他账号只有系统管理员可以修改。"))


def account_role_grant(*, actor: User, account: User, role: str) -> None:
    """Grant one role (三员分立 checked by role_grant)."""
    _require(actor, account)
    if not role:
        raise DomainError(_("请选择要授予的角色。"), field="role")
    role_grant(user=account, roles=[role], actor=actor)


def account_role_revoke(*, actor: User, account: User, role: str) -> None:
    """Take one role away."""
    _require(actor, account)
    role_revoke(actor=actor, user=account, role=role)


def _set_active(*, actor: User, account: User, active: bool) -> User:
    _require(actor, account)
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=account.pk)
        if account.is_active == active:
            raise DomainError(_("该账号已启用。") if active else _("该账号已停用。"))
        account.is_active = active
        account.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action="user.reactivate" if active else "user.deactivate",
            obj=account,
            before={"is_active": not active},
            after={"is_active": active},
            summary=(_("启用账号 %(u)s") if active else _("停用账号 %(u)s")) % {"u": account.username},
        )
    return account


def account_deactivate(*, actor: User, account: User) -> User:
    """Stop the account signing in (its sessions and API tokens stop working at the next request)."""
    return _set_active(actor=actor, account=account, active=False)


def account_reactivate(*, actor: User, account: User) -> User:
    """Let a deactivated account sign in again."""
    return _set_active(actor=actor, account=account, active=True)
