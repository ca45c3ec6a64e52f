"""The second factor of staff sign-in (等保 2.0 level 3, 身份鉴别): a TOTP authenticator, or one of ten
one-time recovery codes, after the password.

Every role but 项目单位 is staff (`SECOND_FACTOR_ROLES`, so roles added later are covered). While
`settings.SECOND_FACTOR_REQUIRED` is on, a staff session counts as signed in only once this module has put
the verifying device in the session (`django_otp.login`); `SecondFactorMiddleware` holds everything else
back. Devices: django-otp's confirmed `TOTPDevice`, and our `RecoveryCodeDevice` holding the recovery codes
as salted digests (models/recovery.py; each deleted when used). Wrong codes count toward the sign-in's per-account lockout (services/signin.py)
and every outcome is audited. Enrolment (the QR code, confirming it) is in `second_factor_enrolment.py`.
"""

from __future__ import annotations

import re
from typing import Any

import django_otp
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.audit.services.events import audit_record
from liaison.core.addresses import client_address
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.models import RecoveryCodeDevice, User
from liaison.directory.models.recovery import recovery_code_normalise
from liaison.directory.policies import can_reset_second_factor
from liaison.directory.roles import Role
from liaison.directory.services.throttle import (
    LOGIN_ACCOUNT_FAILURES,
    LOGIN_ADDRESS_FAILURES,
    throttle_clear,
    throttle_error,
    throttle_hit,
    throttle_reached,
)

# Staff: every role except the project units (applicants), whatever roles are added later.
SECOND_FACTOR_ROLES = frozenset(Role) - {Role.APPLICANT}
RECOVERY_CODE_COUNT = 10

NOT_NEEDED, VERIFIED, VERIFY, ENROL = "not_needed", "verified", "verify", "enrol"


def second_factor_applies(user: Any) -> bool:
    """Whether the account is staff, and so needs a second factor when it is required."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser or user.role_set & SECOND_FACTOR_ROLES)


def second_factor_required() -> bool:
    return bool(getattr(settings, "SECOND_FACTOR_REQUIRED", True))


def second_factor_enrolled(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_state(request: HttpRequest) -> str:
    """NOT_NEEDED, VERIFIED, VERIFY (a code is owed) or ENROL (no device yet) for the session's user."""
    user = getattr(request, "user", None)
    if not second_factor_required() or not second_factor_applies(user):
        return NOT_NEEDED
    if getattr(user, "otp_device", None) is not None:  # set by django-otp's middleware from the session
        return VERIFIED
    return VERIFY if second_factor_enrolled(user) else ENROL


def _keys(request: HttpRequest, user: User) -> tuple[str, str]:
    return f"user:{user.get_username()}", f"ip:{client_address(request) or 'unknown'}"


def second_factor_check_not_locked(*, request: HttpRequest, user: User, stage: str) -> None:
    """Refuse (audited) while the account is locked by failed sign-ins or codes."""
    account_key, _address = _keys(request, user)
    if throttle_reached(LOGIN_ACCOUNT_FAILURES, account_key):
        audit_record(
            actor=user,
            action="auth.second_factor_refused",
            obj=user,
            summary=_("双因素认证被拒绝：该账号失败次数过多"),
            extra={"stage": stage},
        )
        raise throttle_error(LOGIN_ACCOUNT_FAILURES)


def second_factor_count_failure(
    *, request: HttpRequest, user: User, stage: str, summary: str | None = None
) -> None:
    """A wrong code (or password, when confirming a change): counted like a wrong password at sign-in,
    audited; TooManyAttempts once the account is locked."""
    account_key, address_key = _keys(request, user)
    throttle_hit(LOGIN_ACCOUNT_FAILURES, [account_key])
    throttle_hit(LOGIN_ADDRESS_FAILURES, [address_key])
    audit_record(
        actor=user,
        action="auth.second_factor_failed",
        obj=user,
        summary=summary or _("双因素认证失败：验证码不正确"),
        extra={"stage": stage},
    )
    if throttle_reached(LOGIN_ACCOUNT_FAILURES, account_key):
        raise throttle_error(LOGIN_ACCOUNT_FAILURES)


def second_factor_mark_verified(*, request: HttpRequest, user: User, device: Any) -> None:
    """The code step passed: a fresh session key, the device in the session, the failure count cleared."""
    request.session.cycle_key()
    django_otp.login(request, device)
    throttle_clear(LOGIN_ACCOUNT_FAILURES, _keys(request, user)[0])


def second_factor_match(user: User, code: str) -> Any | None:
    """The confirmed device accepting `code`: a 6-digit TOTP code, else a recovery code (then used up)."""
    if re.fullmatch(r"\d{6}", code):
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(code):
                return device
        return None
    for recovery in RecoveryCodeDevice.objects.filter(user=user, confirmed=True):
        if recovery.verify_token(code):
            return recovery
    return None


def second_factor_verify(*, request: HttpRequest, user: User, code: str) -> bool:
    """The code step of sign-in; False for a wrong code, TooManyAttempts when the account is (now) locked."""
    second_factor_check_not_locked(request=request, user=user, stage="verify")
    device = second_factor_match(user, recovery_code_normalise(code))
    if device is None:
        second_factor_count_failure(request=request, user=user, stage="verify")
        return False
    second_factor_mark_verified(request=request, user=user, device=device)
    second_factor_audit_use(user=user, device=device, stage="verify")
    return True


def second_factor_audit_use(*, user: User, device: Any, stage: str) -> None:
    """The event of a code accepted: a recovery code (with how many are left) or the authenticator."""
    if isinstance(device, RecoveryCodeDevice):
        left = device.codes.count()
        audit_record(
            actor=user,
            action="auth.recovery_code_used",
            obj=user,
            summary=_("使用恢复码完成双因素认证，剩余 %(n)d 个") % {"n": left},
            extra={"remaining": left, "stage": stage},
        )
    else:
        audit_record(
            actor=user,
            action="auth.second_factor",
            obj=user,
            summary=_("双因素认证成功"),
            extra={"stage": stage},
        )


def second_factor_reset(*, actor: User, user: User, via: str = "page") -> int:
    """Take the user's authenticator and recovery codes away (audited); how many devices went.

    Only as `policies.can_reset_second_factor` allows (the security administrator, not for their own
    account), whether from the page or `manage.py otp_reset --by` (`via` says which, in the event).
    """
    if actor.pk == user.pk and can_reset_second_factor(actor):
        raise DomainError(_("不能重置自己的双因素认证，请由另一位管理员操作。"), field="username")
    if not can_reset_second_factor(actor, user):
        raise PermissionDenied(_("您无权重置双因素认证。"))
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[1].get(TOTPDevice._meta.label, 0)
        label = RecoveryCodeDevice._meta.label
        removed += RecoveryCodeDevice.objects.filter(user=user).delete()[1].get(label, 0)
        audit_record(
            actor=actor,
            action="auth.second_factor_reset",
            obj=user,
            summary=_("重置双因素认证：用户须在下次访问时重新绑定"),
            extra={"devices_removed": removed, "via": via},
        )
    return removed


def second_factor_forget_session(request: HttpRequest) -> None:
    """Drop a verified device from the session (before a new password sign-in in the same session)."""
    if hasattr(request, "session"):
        request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
