"""The security administrator's actions: releasing a locked account, revoking anybody's API token."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import NotFound, PermissionDenied
from liaison.directory.models import ApiToken, User
from liaison.directory.policies import can_administer_security
from liaison.directory.selectors.security import ACCOUNT_KEY_PREFIX
from liaison.directory.services.throttle import (
    LOGIN_ACCOUNT_FAILURES,
    throttle_clear,
    throttle_count,
)
from liaison.directory.services.tokens import token_revoke_locked


def _require(actor: User) -> None:
    if not can_administer_security(actor):
        raise PermissionDenied(_("只有安全管理员可以执行此操作。"))


def lockout_release(*, actor: User, username: str) -> None:
    """Forget a locked account's failed sign-ins so it may sign in again at once."""
    _require(actor)
    key = ACCOUNT_KEY_PREFIX + (username or "").strip()
    with transaction.atomic():
        failures = throttle_count(LOGIN_ACCOUNT_FAILURES, key)
        if failures < LOGIN_ACCOUNT_FAILURES.attempts:
            raise NotFound(_("该账号当前未被锁定。"))
        throttle_clear(LOGIN_ACCOUNT_FAILURES, key)
        account = User.objects.filter(username__iexact=username.strip()).first()
        audit_record(
            actor=actor,
            action="auth.lockout_release",
            obj=account,
            object_type="directory.user",
            object_id="" if account is None else account.pk,
            object_repr=username[:200],
            summary=_("解除登录锁定：%(u)s") % {"u": username},
            extra={"username": username[:150], "count": failures},
        )


def api_token_revoke_any(*, actor: User, token_id: int) -> ApiToken:
    """Revoke any user's token (a leaked or unused integration); revoking twice changes nothing."""
    _require(actor)
    return token_revoke_locked(
        ApiToken.objects.select_related("user").filter(pk=token_id),
        actor=actor,
        action="api_token.revoke_by_admin",
        summary=lambda token: (
            _("吊销 %(owner)s 的API令牌：%(n)s") % {"owner": token.user.username, "n": token.name}
        ),
        extra=lambda token: {"owner": token.user.username},
    )
