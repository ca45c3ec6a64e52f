"""In a real browser: a staff user enrols an authenticator from the secret on the page, signs out, and signs
in again with a code; a staff user replaces their own authenticator (等保 身份鉴别, second factor)."""

from __future__ import annotations

import base64

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.audit.models import AuditEvent
from liaison.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base_url, user):
    page.goto(f"{base_url}/accounts/login/?next=/notifications/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")


def test_staff_enrols_and_signs_in_with_a_code(page, live_server, settings, officer_user):
    settings.SECOND_FACTOR_REQUIRED = True
    _sign_in(page, live_server.url, officer_user)
    page.wait_for_url("**/accounts/second-factor/enrol/**")
    assert page.is_visible('[data-testid="totp-qr"] svg')
    secret = page.inner_text('[data-testid="totp-secret"]').replace(" ", "").strip()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.fill('[data-testid="second-factor-code"]', f"{totp(key):06d}")
    page.click('[data-testid="second-factor-submit"]')
    page.wait_for_selector('[data-testid="recovery-codes"]')
    assert len(page.inner_text('[data-testid="recovery-codes"]').split()) == 10
    page.click('[data-testid="recovery-codes-done"]')
    page.wait_for_url("**/notifications/")
    page.click('[data-testid="user-menu"]')
    page.click('[data-testid="logout"]')
    page.wait_for_url("**/accounts/login/**")

    _sign_in(page, live_server.url, officer_user)
    page.wait_for_url("**/accounts/second-factor/?**")
    page.fill('[data-testid="second-factor-code"]', "000000")
    page.click('[data-testid="second-factor-submit"]')
    assert "验证码不正确" in page.inner_text('[data-testid="second-factor-error"]')
    page.fill('[data-testid="second-factor-code"]', f"{totp(key, drift=1):06d}")  # the next 30 s step
    page.click('[data-testid="second-factor-submit"]')
    page.wait_for_url("**/notifications/")
    assert page.is_visible('[data-testid="user-menu"]')


def test_staff_replaces_their_own_authenticator(page, live_server, settings, officer_user):
    settings.SECOND_FACTOR_REQUIRED = True
    old = TOTPDevice.objects.create(user=officer_user, name="旧手机", confirmed=True)
    _sign_in(page, live_server.url, officer_user)
    page.wait_for_url("**/accounts/second-factor/?**")
    page.fill('[data-testid="second-factor-code"]', f"{totp(old.bin_key):06d}")
    page.click('[data-testid="second-factor-submit"]')
    page.wait_for_url("**/notifications/")

    page.click('[data-testid="user-menu"]')
    page.click('[data-testid="second-factor-link"]')
    page.wait_for_url("**/accounts/second-factor/manage/")
    page.fill('[data-testid="reconfirm-password"]', PASSWORD)
    page.fill('[data-testid="reconfirm-code"]', f"{totp(old.bin_key, drift=1):06d}")
    page.click('[data-testid="second-factor-replace"]')
    page.wait_for_url("**/accounts/second-factor/replace/")
    secret = page.inner_text('[data-testid="totp-secret"]').replace(" ", "").strip()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    assert key != old.bin_key
    page.fill('[data-testid="second-factor-code"]', f"{totp(key):06d}")
    page.click('[data-testid="second-factor-submit"]')
    assert page.inner_text('[data-testid="recovery-codes-heading"]') == "身份验证器已更换"
    assert len(page.inner_text('[data-testid="recovery-codes"]').split()) == 10
    page.click('[data-testid="recovery-codes-done"]')
    page.wait_for_url("**/accounts/second-factor/manage/")
    assert page.inner_text('[data-testid="recovery-codes-left"]') == "10"
    [device] = TOTPDevice.objects.filter(user=officer_user)
    assert device.bin_key == key and device.confirmed
    assert AuditEvent.objects.filter(action="auth.second_factor_replaced", actor=officer_user).count() == 1
