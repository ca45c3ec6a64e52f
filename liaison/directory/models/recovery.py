"""Recovery codes of the second factor, kept as one-way digests (等保 身份鉴别): a django-otp device whose
codes are HMAC-SHA256 digests, each with its own random salt. The code itself is shown once when it is
issued (services/second_factor_enrolment.py) and never stored; a code is verified by recomputing its digest
and is deleted when used.

A code is 16 characters of base32 (80 random bits), so a fast keyed digest is enough: nobody can search that
space from a leaked digest, and no key has to outlive `SECRET_KEY` rotations.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, TimestampMixin


def recovery_code_normalise(code: str) -> str:
    """What the user typed, as issued: no spaces or hyphens, lower case, at most 32 characters."""
    return re.sub(r"[\s-]+", "", code or "").lower()[:32]


def recovery_code_digest(code: str, salt: str) -> str:
    return hmac.new(salt.encode("ascii"), code.encode("utf-8"), hashlib.sha256).hexdigest()


def recovery_code_new_salt() -> str:
    return secrets.token_hex(16)


class RecoveryCodeDevice(TimestampMixin, Device):
    """The user's set of one-time recovery codes (one device per user; replaced as a whole)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recovery_code_devices",
        help_text="The user that this device belongs to.",
    )

    class Meta(Device.Meta):
        verbose_name = _("恢复码")
        verbose_name_plural = _("恢复码")

    def verify_token(self, token: str) -> bool:
        """Whether `token` is one of the codes left; a match is used up (under the device's row lock)."""
        code = recovery_code_normalise(str(token))
        if not code:
            return False
        with transaction.atomic():
            RecoveryCodeDevice.objects.select_for_update().filter(pk=self.pk).first()
            for stored in self.codes.all():
                if hmac.compare_digest(stored.digest, recovery_code_digest(code, stored.salt)):
                    stored.delete()
                    self.set_last_used_timestamp(commit=True)
                    return True
        return False


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    salt = models.CharField(_("盐值"), max_length=32)
    digest = models.CharField(_("摘要"), max_length=64)  # HMAC-SHA256(salt, code), hex

    class Meta:
        verbose_name = _("恢复码摘要")
        verbose_name_plural = _("恢复码摘要")

    def __str__(self) -> str:
        return f"{self.device_id}: {self.digest[:8]}…"

    @classmethod
    def issued(cls, device: RecoveryCodeDevice, code: str) -> RecoveryCode:
        """An unsaved row for a newly issued code: its digest with a fresh salt, never the code."""
        salt = recovery_code_new_salt()
        return cls(device=device, salt=salt, digest=recovery_code_digest(recovery_code_normalise(code), salt))
