"""Signing in and out, with login-failure handling (等保 2.0 level 3: limit failures, lock, audit).

Per account: five failed sign-ins within 15 minutes lock that account for the rest of the window, even
with the right password. Per client address: behind the reverse proxy a whole district may share one
address, so the address never locks anybody out; past 50 failures within 15 minutes it only refuses
accounts that are unknown or failed recently, so a password-spraying run is cut to one guess per account
while everybody who types their password right signs in as usual.

Every success, failure (with the username tried, never the password), refusal and sign-out is audited.

A staff account then owes its second factor (services/second_factor.py): wrong codes count toward the same
per-account lockout, so its failures are only forgotten once the code step succeeds.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest
from django.utils.translation import gettext as _

from liaison.audit.services.events import ANONYMOUS_NAME, audit_record
from liaison.core.addresses import client_address
from liaison.core.errors import TooManyAttempts
from liaison.directory.models import User
from liaison.directory.services.second_factor import (
    second_factor_applies,
    second_factor_forget_session,
    second_factor_required,
)
from liaison.directory.services.sessions import session_start
from liaison.directory.services.throttle import (
    LOGIN_ACCOUNT_FAILURES,
    LOGIN_ADDRESS_FAILURES,
    throttle_clear,
    throttle_count,
    throttle_error,
    throttle_hit,
    throttle_reached,
)

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _keys(request: HttpRequest | None, username: str) -> tuple[str, str]:
    return f"user:{username}", f"ip:{client_address(request) or 'unknown'}"


def _audit_attempt(action: str, *, username: str, summary: str, extra: dict[str, Any] | None = None) -> None:
    """An attempt by somebody not signed in: the account tried is the object, when it exists."""
    account = User.objects.filter(username=username).first()
    audit_record(
        actor=None,
        actor_name=ANONYMOUS_NAME,
        action=action,
        obj=account,
        object_type="directory.user",
        object_id="" if account is None else account.pk,
        object_repr=username[:200],
        summary=summary,
        extra={"username": username[:150], **(extra or {})},
    )


def _refuse(username: str, *, by_address: bool) -> TooManyAttempts:
    summary = (
        _("登录被拒绝：该地址登录失败次数过多") if by_address else _("登录被拒绝：该账号登录失败次数过多")
    )
    _audit_attempt(
        "auth.login_refused",
        username=username,
        summary=summary,
        extra={"limit": "address" if by_address else "account"},
    )
    return throttle_error(LOGIN_ACCOUNT_FAILURES)


def signin_authenticate(*, request: HttpRequest | None, username: str, password: str) -> Any | None:
    """The user if the password is right and no limit refuses; None if it is wrong; TooManyAttempts if refused."""
    account_key, address_key = _keys(request, username)
    if throttle_reached(LOGIN_ACCOUNT_FAILURES, account_key):
        raise _refuse(username, by_address=False)
    address_busy = throttle_reached(LOGIN_ADDRESS_FAILURES, address_key)
    user = authenticate(request, username=username, password=password)
    if user is None:
        throttle_hit(LOGIN_ACCOUNT_FAILURES, [account_key])
        throttle_hit(LOGIN_ADDRESS_FAILURES, [address_key])
        extra = {"address_limit_reached": True} if address_busy else None
        _audit_attempt(
            "auth.login_failed", username=username, summary=_("登录失败：用户名或密码不正确"), extra=extra
        )
        if address_busy:  # the same answer as a refusal, so it tells nothing about the account
            raise throttle_error(LOGIN_ACCOUNT_FAILURES)
        return None
    if address_busy and throttle_count(LOGIN_ACCOUNT_FAILURES, account_key):
        raise _refuse(username, by_address=True)
    if not (second_factor_required() and second_factor_applies(user)):
        throttle_clear(LOGIN_ACCOUNT_FAILURES, account_key)  # else once the code is right as well
    return user


def signin_complete(*, request: HttpRequest, user: Any, backend: str | None = None) -> None:
    """Start the user's session and record the sign-in (the password step, for staff owing a code)."""
    second_factor_forget_session(request)
    login(request, user, backend=backend)
    session_start(request=request)
    if second_factor_required() and second_factor_applies(user):
        audit_record(
            actor=user,
            action="auth.login",
            obj=user,
            summary=_("密码验证通过，待双因素认证"),
            extra={"second_factor": "pending"},
        )
    else:
        audit_record(actor=user, action="auth.login", obj=user, summary=_("登录成功"))


def signout(*, request: HttpRequest) -> None:
    """End the session; a signed-in user's sign-out is recorded first."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        audit_record(actor=user, action="auth.logout", obj=user, summary=_("退出登录"))
    logout(request)
