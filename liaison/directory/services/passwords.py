"""Password rules (等保 身份鉴别): a change checks the old password, Django's validators and the last
`PASSWORD_HISTORY` passwords; a password older than `PASSWORD_MAX_AGE_DAYS` (or one an administrator set)
must be changed before anything else is done.

`password_change` is the user's own change; `password_set_initial` is an administrator giving a new account
its first password (the owner changes it at the first sign-in); `password_record` keeps the hash in the
history whenever a password is set; `password_change_reason` says why a signed-in user must change now.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError
from liaison.directory.models import PasswordHistory, User


def password_problems(exc: ValidationError) -> str:
    """The validators' findings in Chinese (Django 5.2's own catalogue misses some of them)."""
    texts = {
        "password_too_short": _("密码太短，至少需要8个字符。"),
        "password_too_common": _("密码过于常见，容易被猜中。"),
        "password_entirely_numeric": _("密码不能全部是数字。"),
        "password_too_similar": _("密码与账号或姓名等信息过于相似。"),
    }
    found = [texts.get(error.code or "", "；".join(error.messages)) for error in exc.error_list]
    return "".join(dict.fromkeys(found))


def _history_size() -> int:
    return int(getattr(settings, "PASSWORD_HISTORY", 5))


def _max_age() -> dt.timedelta:
    return dt.timedelta(days=int(getattr(settings, "PASSWORD_MAX_AGE_DAYS", 90)))


def _history(user: User) -> Any:
    """The account's kept password hashes, newest first."""
    return PasswordHistory.objects.filter(user=user).order_by("-created_at", "-id")


def password_record(user: User, *, must_change: bool = False) -> None:
    """After `user.set_password(...)`: date it, keep its hash in the history (the newest few only), save."""
    user.password_changed_at = timezone.now()
    user.must_change_password = must_change
    user.save(update_fields=["password", "password_changed_at", "must_change_password"])
    if user.has_usable_password():
        PasswordHistory.objects.create(user=user, password=user.password)
        stale = _history(user)[_history_size() :]
        PasswordHistory.objects.filter(pk__in=[h.pk for h in stale]).delete()


def password_set_initial(user: User, password: str) -> None:
    """An administrator sets an account's first password: its owner must change it at the first sign-in."""
    user.set_password(password)
    password_record(user, must_change=True)


def _reused(user: User, password: str) -> bool:
    if user.check_password(password):
        return True
    recent = _history(user)[: _history_size()]
    return any(check_password(password, h.password) for h in recent)


def password_change(*, user: User, old_password: str, new_password: str, repeat: str) -> User:
    """The user's own change; refusals name the field and save nothing."""
    if not user.check_password(old_password or ""):
        raise DomainError(_("原密码不正确。"), field="old_password")
    if (new_password or "") != (repeat or ""):
        raise DomainError(_("两次输入的新密码不一致。"), field="repeat")
    try:
        validate_password(new_password, user=user)
    except ValidationError as exc:
        raise DomainError(password_problems(exc), field="new_password") from None
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        if _reused(locked, new_password):
            raise DomainError(
                _("新密码不能与最近 %(n)d 次使用过的密码相同。") % {"n": _history_size()},
                field="new_password",
            )
        locked.set_password(new_password)
        password_record(locked)
        audit_record(actor=locked, action="user.password_change", obj=locked, summary=_("修改登录密码"))
    user.password, user.password_changed_at, user.must_change_password = (
        locked.password,
        locked.password_changed_at,
        False,
    )
    return locked


def password_change_reason(user: Any, *, now: dt.datetime | None = None) -> str | None:
    """Why this signed-in user must change the password before going on (None: no need)."""
    if not getattr(user, "is_authenticated", False) or not user.has_usable_password():
        return None
    if user.must_change_password:
        return _("您的密码由管理员设置，请先修改密码。")
    changed = user.password_changed_at or user.date_joined
    if changed and (now or timezone.now()) - changed > _max_age():
        return _("您的密码已超过 %(d)d 天未修改，请修改密码后继续使用。") % {"d": _max_age().days}
    return None
