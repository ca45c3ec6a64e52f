"""A signed-in staff member replaces their own authenticator and regenerates their recovery codes after
confirming the current password and a current code; wrong answers count toward the lockout; all audited."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.audit.models import AuditEvent
from liaison.directory.models import RecoveryCode
from liaison.testing.personas import PASSWORD
from liaison.testing.second_factor import enrol_with_page, shown_codes, sign_in, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_required")]
PAGE = "/notifications/"
MANAGE = "/accounts/second-factor/manage/"


@pytest.fixture
def _required(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def enrolled(client, officer_user):
    sign_in(client, officer_user, PAGE)
    device, codes = enrol_with_page(client, officer_user, reverse("second_factor_enrol"), PAGE)
    return device, codes


def test_the_menu_links_staff_to_their_page(client, enrolled):
    page = client.get(PAGE).content.decode()
    assert 'data-testid="second-factor-link"' in page and MANAGE in page
    assert client.get(MANAGE).status_code == 200


def test_replacing_the_authenticator(client, officer_user, enrolled):
    old_device, old_codes = enrolled
    assert client.get(reverse("second_factor_replace"))["Location"] == MANAGE  # not confirmed yet
    confirm = {"action": "replace", "password": PASSWORD, "code": totp_code(old_device, ahead=1)}
    response = client.post(MANAGE, confirm)
    assert response.status_code == 302 and response["Location"] == reverse("second_factor_replace")
    new_device, new_codes = enrol_with_page(client, officer_user, reverse("second_factor_replace"), PAGE)

    assert new_device.pk != old_device.pk and new_device.confirmed
    assert list(TOTPDevice.objects.filter(user=officer_user)) == [new_device]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert client.get(PAGE).status_code == 200  # the session is verified by the new device
    [event] = AuditEvent.objects.filter(action="auth.second_factor_replaced")
    assert event.actor == officer_user
    assert client.get(reverse("second_factor_replace"))["Location"] == MANAGE  # the confirmation is spent

    client.post(reverse("logout"))
    sign_in(client, officer_user, PAGE)
    assert client.post(reverse("second_factor_verify"), {"code": old_codes[0]}).status_code == 400
    ok = client.post(reverse("second_factor_verify"), {"code": totp_code(new_device, ahead=1), "next": PAGE})
    assert ok["Location"] == PAGE


def test_regenerating_recovery_codes_confirmed_by_a_recovery_code(client, officer_user, enrolled):
    _device, old_codes = enrolled
    response = client.post(MANAGE, {"action": "codes", "password": PASSWORD, "code": old_codes[0]})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    new_codes = shown_codes(response)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert RecoveryCode.objects.filter(device__user=officer_user).count() == 10
    actions = list(AuditEvent.objects.filter(actor=officer_user).values_list("action", flat=True))
    assert "auth.recovery_code_used" in actions and "auth.recovery_codes_regenerated" in actions
    client.post(reverse("logout"))
    sign_in(client, officer_user, PAGE)
    assert client.post(reverse("second_factor_verify"), {"code": old_codes[1]}).status_code == 400
    assert (
        client.post(reverse("second_factor_verify"), {"code": new_codes[1], "next": PAGE})["Location"] == PAGE
    )


def test_wrong_password_or_code_changes_nothing_and_counts_toward_the_lockout(client, officer_user, enrolled):
    device, codes = enrolled
    bad_password = client.post(MANAGE, {"action": "codes", "password": "nope", "code": codes[0]})
    assert bad_password.status_code == 400 and "当前密码不正确" in bad_password.content.decode()
    bad_code = client.post(MANAGE, {"action": "replace", "password": PASSWORD, "code": "000000"})
    assert bad_code.status_code == 400 and "验证码或恢复码不正确" in bad_code.content.decode()
    assert RecoveryCode.objects.filter(device__user=officer_user).count() == 10  # not even the code was used
    assert client.get(reverse("second_factor_replace"))["Location"] == MANAGE
    assert AuditEvent.objects.filter(action="auth.second_factor_failed", actor=officer_user).count() == 2
    for _attempt in range(2):
        client.post(MANAGE, {"action": "replace", "password": "nope", "code": "000000"})
    locked = client.post(MANAGE, {"action": "replace", "password": "nope", "code": "000000"})
    assert locked["Location"] == reverse("login")  # the fifth: locked and signed out
    assert client.get(PAGE).status_code == 302
    assert not AuditEvent.objects.filter(
        action__in=["auth.second_factor_replaced", "auth.recovery_codes_regenerated"]
    )
    assert list(TOTPDevice.objects.filter(user=officer_user)) == [device]


def test_the_page_is_not_there_for_project_units(client, applicant):
    client.force_login(applicant)
    assert client.get(MANAGE).status_code == 404
    assert client.get(reverse("second_factor_replace")).status_code == 404
    assert 'data-testid="second-factor-link"' not in client.get(PAGE).content.decode()
