"""Enrolling the second factor (services/second_factor.py): an unconfirmed TOTP device with its QR code and
secret, confirmed by one code from the authenticator; then ten recovery codes, shown once."""

from __future__ import annotations

import base64
import re
import secrets
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.audit.services.events import audit_record
from liaison.directory.models import RecoveryCode, RecoveryCodeDevice, User
from liaison.directory.services.second_factor import (
    RECOVERY_CODE_COUNT,
    second_factor_check_not_locked,
    second_factor_count_failure,
    second_factor_mark_verified,
)


@dataclass(frozen=True)
class Enrolment:
    device: TOTPDevice
    secret: str  # base32, in groups of four for typing by hand
    qr_svg: SafeString  # inline SVG (no script, no remote resource: fits the CSP)


def _qr_svg(text: str) -> SafeString:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r'width="[^"]*" height="[^"]*"', 'width="200" height="200"', svg, count=1)
    return mark_safe(svg)  # noqa: S308 - generated here from our own URL, path data only


def second_factor_enrolment(user: User) -> Enrolment:
    """The user's pending (unconfirmed) authenticator, created on the first visit and kept until confirmed,
    so reloading the page shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("身份验证器"), confirmed=False)
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return Enrolment(device=device, secret=grouped, qr_svg=_qr_svg(device.config_url))


# How a pending authenticator is confirmed: at the first enrolment, or replacing the user's own one.
ENROLMENT, REPLACEMENT = "enrolment", "replacement"
_CONFIRMED = {
    ENROLMENT: ("auth.second_factor_enrolled", _lazy("绑定双因素认证（身份验证器），生成 %(n)d 个恢复码")),
    REPLACEMENT: (
        "auth.second_factor_replaced",
        _lazy("更换身份验证器（本人操作），原验证器停用，生成 %(n)d 个新恢复码"),
    ),
}


def second_factor_enrol_confirm(
    *, request: HttpRequest, user: User, code: str, stage: str = ENROLMENT
) -> list[str] | None:
    """Confirm the pending authenticator with one of its codes: it becomes the user's only one, with new
    recovery codes (returned; the session now verified by it), or None for a wrong code (counted like a
    failed sign-in). REPLACEMENT is the user's own change, after `second_factor_reconfirm` (the caller
    checks it)."""
    action, summary = _CONFIRMED[stage]
    second_factor_check_not_locked(request=request, user=user, stage=stage)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    code = re.sub(r"\s+", "", code or "")
    if device is None or not re.fullmatch(r"\d{6}", code) or not device.verify_token(code):
        second_factor_count_failure(request=request, user=user, stage=stage)
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_replace(user)
        audit_record(actor=user, action=action, obj=user, summary=str(summary) % {"n": len(codes)})
    second_factor_mark_verified(request=request, user=user, device=device)
    return codes


def recovery_code_random() -> str:
    """80 random bits as 16 base32 letters and digits in groups of four (typed with or without the hyphens)."""
    letters = base64.b32encode(secrets.token_bytes(10)).decode("ascii").lower()
    return "-".join(letters[i : i + 4] for i in range(0, 16, 4))


def recovery_codes_replace(user: User) -> list[str]:
    """A new set of one-time recovery codes (the old ones stop working): returned once, stored only as salted
    digests (models/recovery.py)."""
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name=_("恢复码"), confirmed=True)
    codes: list[str] = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = recovery_code_random()
        if code not in codes:
            codes.append(code)
    RecoveryCode.objects.bulk_create(RecoveryCode.issued(device, code) for code in codes)
    return codes
