"""Per-user API tokens: created once (the secret is shown once), stored hashed, revocable."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound
from liaison.directory.models import ApiToken

TOKEN_PREFIX = "lo_"  # noqa: S105 - a public prefix, not a secret


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the secret, which is never stored."""
    name = (name or "").strip()
    if not name:
        raise DomainError(_("请填写令牌名称。"), field="name")
    if len(name) > 60:
        raise DomainError(_("令牌名称不能超过60个字符。"), field="name")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name, prefix=secret[:10], key_hash=_hash(secret))
        audit_record(
            actor=user,
            action="api_token.create",
            obj=token,
            summary=_("创建API令牌：%(n)s") % {"n": name},
        )
    return token, secret


def api_token_revoke(*, user: Any, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
        if token is None:
            raise NotFound(_("令牌不存在。"))
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(
                actor=user,
                action="api_token.revoke",
                obj=token,
                summary=_("吊销API令牌：%(n)s") % {"n": token.name},
            )
    return token


def api_token_authenticate(secret: str) -> Any | None:
    """The active user owning `secret`, or None."""
    if not secret or not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
