"""Test helpers for the second factor: sign in with the persona password, read the enrolment page's secret,
confirm it with a real TOTP code and read the recovery codes shown once."""

from __future__ import annotations

import base64
import re
from typing import Any

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.testing.personas import PASSWORD

CODES_RE = re.compile(r'<li class="col-6 py-1">([a-z2-7-]+)</li>')


def sign_in(client: Any, user: Any, next_url: str) -> Any:
    return client.post(
        f"{reverse('login')}?next={next_url}", {"username": user.username, "password": PASSWORD}
    )


def totp_code(device: TOTPDevice, ahead: int = 0) -> str:
    return f"{totp(device.bin_key, drift=ahead):06d}"


def shown_codes(response: Any) -> list[str]:
    return CODES_RE.findall(response.content.decode())


def enrol_with_page(client: Any, user: Any, url: str, next_url: str) -> tuple[TOTPDevice, list[str]]:
    """Read the secret `url` shows (enrolment or replacement), confirm it; the device and the codes shown."""
    page = client.get(url)
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page.content.decode()).group(1)  # type: ignore[union-attr]
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    plain = secret.replace(" ", "")
    if base64.b32decode(plain + "=" * (-len(plain) % 8)) != device.bin_key:
        raise AssertionError("the secret shown is not the pending device's key")
    response = client.post(url, {"code": totp_code(device), "next": next_url})
    if response.status_code != 200 or response["Cache-Control"] != "no-store":
        raise AssertionError(f"the codes were not shown (status {response.status_code})")
    return TOTPDevice.objects.get(pk=device.pk), shown_codes(response)
