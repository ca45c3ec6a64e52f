"""A signed-in staff member's own second factor (等保 身份鉴别): before replacing the authenticator or issuing
new recovery codes they confirm who they are again with the current password and a current code (from the
authenticator, or a recovery code, which is then used up). Wrong answers count toward the per-account
lockout like a failed sign-in and are audited; every change is audited.

The confirmation is kept in the session for `RECONFIRM_SECONDS`; the replacement itself (a new
authenticator confirmed by its own code) is `second_factor_enrolment.second_factor_enrol_confirm` with REPLACEMENT.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError
from liaison.directory.models import RecoveryCodeDevice, User
from liaison.directory.models.recovery import recovery_code_normalise
from liaison.directory.services.second_factor import (
    second_factor_audit_use,
    second_factor_check_not_locked,
    second_factor_count_failure,
    second_factor_match,
)
from liaison.directory.services.second_factor_enrolment import recovery_codes_replace

RECONFIRMED_SESSION_KEY = "second_factor_reconfirmed_at"
RECONFIRM_SECONDS = 10 * 60


@dataclass(frozen=True)
class SecondFactorStatus:
    enrolled_at: dt.datetime | None
    last_used_at: dt.datetime | None
    recovery_codes_left: int


def second_factor_status(user: User) -> SecondFactorStatus | None:
    """What the user's own page shows: when the authenticator was bound and last used, codes left."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()
    if device is None:
        return None
    recovery = RecoveryCodeDevice.objects.filter(user=user).first()
    left = recovery.codes.count() if recovery is not None else 0
    return SecondFactorStatus(device.created_at, device.last_used_at, left)


def second_factor_reconfirm(
    *, request: HttpRequest, user: User, password: str, code: str, purpose: str
) -> None:
    """Confirm the signed-in user again (password and a current code), or DomainError (counted, audited;
    TooManyAttempts once the account is locked). Kept in the session for the next few minutes."""
    second_factor_check_not_locked(request=request, user=user, stage=purpose)
    if not user.check_password(password or ""):
        second_factor_count_failure(
            request=request, user=user, stage=purpose, summary=_("确认身份失败：当前密码不正确")
        )
        raise DomainError(_("当前密码不正确。"), field="password")
    device = second_factor_match(user, recovery_code_normalise(code))
    if device is None:
        second_factor_count_failure(request=request, user=user, stage=purpose)
        raise DomainError(_("验证码或恢复码不正确或已使用。"), field="code")
    second_factor_audit_use(user=user, device=device, stage=purpose)
    request.session[RECONFIRMED_SESSION_KEY] = int(time.time())


def second_factor_reconfirmed(request: HttpRequest) -> bool:
    """Whether the session confirmed the user again within the last `RECONFIRM_SECONDS`."""
    at = request.session.get(RECONFIRMED_SESSION_KEY)
    return isinstance(at, int) and 0 <= time.time() - at <= RECONFIRM_SECONDS


def second_factor_reconfirmed_clear(request: HttpRequest) -> None:
    request.session.pop(RECONFIRMED_SESSION_KEY, None)


def recovery_codes_regenerate(*, request: HttpRequest, user: User, password: str, code: str) -> list[str]:
    """New recovery codes for the signed-in user after `second_factor_reconfirm`; the old ones stop working.
    Returned once, to be shown once."""
    second_factor_reconfirm(
        request=request, user=user, password=password, code=code, purpose="recovery_codes"
    )
    with transaction.atomic():
        codes = recovery_codes_replace(user)
        audit_record(
            actor=user,
            action="auth.recovery_codes_regenerated",
            obj=user,
            summary=_("重新生成恢复码（本人操作），原恢复码作废，共 %(n)d 个") % {"n": len(codes)},
        )
    second_factor_reconfirmed_clear(request)
    return codes
