"""Per-user API tokens: created once (the secret is shown once), stored hashed, revocable, expiring after
30 to 365 days, read-only or read-write (a read-only token is refused on POST, PUT, PATCH and DELETE)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.directory.models import ApiToken, TokenScope

TOKEN_PREFIX = "lo_"  # noqa: S105 - a public prefix, not a secret
LIFETIMES = (30, 90, 180, 365)  # days a new token may live
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(
    *, user: Any, name: str, days: int = 90, scope: str = TokenScope.READ
) -> tuple[ApiToken, str]:
    """Create a token for `user` living `days` (30, 90, 180 or 365) with `scope`; returns the row and the
    secret, which is never stored."""
    if days not in LIFETIMES:
        raise DomainError(_("请选择令牌有效期（30、90、180 或 365 天）。"), field="days")
    if scope not in TokenScope.values:
        raise DomainError(_("请选择令牌权限（只读或读写）。"), field="scope")
    name = (name or "").strip()
    if not name:
        raise DomainError(_("请填写令牌名称。"), field="name")
    if len(name) > 60:
        raise DomainError(_("令牌名称不能超过60个字符。"), field="name")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        expires_at = timezone.now() + dt.timedelta(days=days)
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=secret[:10],
            key_hash=_hash(secret),
            scope=scope,
            expires_at=expires_at,
        )
        audit_record(
            actor=user,
            action="api_token.create",
            obj=token,
            after={"scope": scope, "expires_at": expires_at.isoformat()},
            summary=_("创建API令牌：%(n)s（%(s)s，%(d)d 天）")
            % {"n": name, "s": token.get_scope_display(), "d": days},
        )
    return token, secret


def token_revoke_locked(
    token_qs: Any, *, actor: Any, action: str, summary: Any, extra: Any = None
) -> ApiToken:
    """Revoke the one token `token_qs` selects (locked); revoking twice changes nothing. `summary` is a
    function of the token. Shared by the owner's revocation and the security administrator's."""
    with transaction.atomic():
        token = token_qs.select_for_update().first()
        if token is None:
            raise NotFound(_("令牌不存在。"))
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(
                actor=actor,
                action=action,
                obj=token,
                summary=summary(token),
                extra=extra(token) if extra else None,
            )
    return token


def api_token_revoke(*, user: Any, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens."""
    return token_revoke_locked(
        ApiToken.objects.filter(pk=token_id, user=user),
        actor=user,
        action="api_token.revoke",
        summary=lambda token: _("吊销API令牌：%(n)s") % {"n": token.name},
    )


def api_token_authenticate(secret: str, *, method: str = "GET") -> Any | None:
    """The active user owning `secret` while it has not expired, or None; a read-only token asked to change
    something is refused (403), not taken for a stranger."""
    if not secret or not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    now = timezone.now()
    if token is None or (token.expires_at is not None and token.expires_at <= now):
        return None
    if token.scope != TokenScope.WRITE and method.upper() not in SAFE_METHODS:
        raise PermissionDenied(_("此API令牌为只读，不能用于提交或修改数据。"))
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
