"""The second factor of staff sign-in (等保 身份鉴别): enrolment and use, wrong codes toward the lockout,
recovery codes once, unenrolled staff held back, applicants not asked, reset, and the demo banner."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from liaison.audit.models import AuditEvent
from liaison.core.errors import PermissionDenied
from liaison.directory.models import RecoveryCode
from liaison.directory.roles import Role
from liaison.directory.services.second_factor import SECOND_FACTOR_ROLES, second_factor_reset
from liaison.testing.second_factor import enrol_with_page, sign_in, totp_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_required")]
PAGE = "/notifications/"


@pytest.fixture
def _required(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _login(client, user, next_url=PAGE):
    return sign_in(client, user, next_url)


def _code(device: TOTPDevice, ahead: int = 0) -> str:
    return totp_code(device, ahead)


def _enrol(client, user) -> tuple[TOTPDevice, list[str]]:
    return enrol_with_page(client, user, reverse("second_factor_enrol"), PAGE)


def test_every_role_but_the_applicant_is_staff():
    assert Role.APPLICANT not in SECOND_FACTOR_ROLES
    assert set(SECOND_FACTOR_ROLES) == set(Role) - {Role.APPLICANT}


def test_enrolment_then_sign_in_with_a_code_end_to_end(client, officer_user):
    response = _login(client, officer_user)
    assert response["Location"].startswith(reverse("second_factor_enrol"))
    assert client.get(PAGE).status_code == 302  # nothing else before enrolment
    enrol_page = client.get(reverse("second_factor_enrol")).content.decode()
    assert "<svg" in enrol_page and "<script" not in enrol_page.split("<svg")[1].split("</svg>")[0]
    device, codes = _enrol(client, officer_user)
    assert device.confirmed and len(codes) == 10 and len(set(codes)) == 10
    assert client.get(PAGE).status_code == 200
    client.post(reverse("logout"))

    response = _login(client, officer_user)
    assert response["Location"].startswith(reverse("second_factor_verify"))
    assert client.get(PAGE).status_code == 302
    response = client.post(reverse("second_factor_verify"), {"code": _code(device, ahead=1), "next": PAGE})
    assert response.status_code == 302 and response["Location"] == PAGE
    assert client.get(PAGE).status_code == 200
    actions = set(AuditEvent.objects.filter(actor=officer_user).values_list("action", flat=True))
    assert {"auth.second_factor_enrolled", "auth.second_factor", "auth.login"} <= actions


def test_a_wrong_code_is_refused_audited_and_counts_toward_the_lockout(client, officer_user):
    _login(client, officer_user)
    _enrol(client, officer_user)
    client.post(reverse("logout"))
    for _attempt in range(3):
        _login(client, officer_user)
        response = client.post(reverse("second_factor_verify"), {"code": "000000"})
        assert response.status_code == 400 and "验证码不正确" in response.content.decode()
        client.post(reverse("logout"))
    # Signing in again with the right password does not forget the wrong codes.
    _login(client, officer_user)
    client.post(reverse("second_factor_verify"), {"code": "111111"})
    response = client.post(reverse("second_factor_verify"), {"code": "222222"})
    assert response.status_code == 302 and response["Location"] == reverse("login")  # locked: signed out
    assert AuditEvent.objects.filter(action="auth.second_factor_failed").count() == 5
    assert "尝试次数过多" in _login(client, officer_user).content.decode()  # the password is refused too
    assert client.get(PAGE).status_code == 302


def test_a_recovery_code_works_once(client, officer_user):
    _login(client, officer_user)
    _device, codes = _enrol(client, officer_user)
    client.post(reverse("logout"))
    _login(client, officer_user)
    response = client.post(reverse("second_factor_verify"), {"code": codes[0].upper(), "next": PAGE})
    assert response["Location"] == PAGE
    assert client.get(PAGE).status_code == 200
    assert RecoveryCode.objects.filter(device__user=officer_user).count() == 9
    [used] = AuditEvent.objects.filter(action="auth.recovery_code_used")
    assert used.changes["extra"]["remaining"] == 9
    client.post(reverse("logout"))
    _login(client, officer_user)
    assert client.post(reverse("second_factor_verify"), {"code": codes[0]}).status_code == 400


def test_unenrolled_staff_is_blocked_from_pages_and_the_session_api(client, center_admin):
    client.force_login(center_admin)
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("second_factor_enrol"))
    assert client.get(reverse("password_change")).status_code == 302
    assert client.get("/api/v1/notifications/").status_code == 401


def test_an_applicant_is_not_asked(client, applicant):
    response = _login(client, applicant)
    assert response["Location"] == PAGE
    assert client.get(PAGE).status_code == 200
    assert not TOTPDevice.objects.filter(user=applicant).exists()


def test_the_security_administrator_resets_a_second_factor(
    client, officer_user, security_admin, center_admin, system_admin
):
    _login(client, officer_user)
    _enrol(client, officer_user)
    client.post(reverse("logout"))
    for other in (center_admin, system_admin, officer_user):  # 三员分立: the security administrator's alone
        with pytest.raises(PermissionDenied, match="无权"):
            second_factor_reset(actor=other, user=officer_user)
    admin_client = client
    admin_client.force_login(security_admin)
    with override_settings(SECOND_FACTOR_REQUIRED=False):  # the administrator's own code step aside
        url = reverse("directory:second_factor_reset")
        assert admin_client.get(url).status_code == 200
        response = admin_client.post(url, {"username": officer_user.username})
        assert response.status_code == 302
        own = admin_client.post(url, {"username": security_admin.username})
        assert own.status_code == 400 and "不能重置自己" in own.content.decode()
    assert not TOTPDevice.objects.filter(user=officer_user).exists()
    [event] = AuditEvent.objects.filter(action="auth.second_factor_reset")
    assert event.actor == security_admin and event.object_id == str(officer_user.pk)
    assert event.changes["extra"]["via"] == "page"
    admin_client.post(reverse("logout"))
    assert _login(client, officer_user)["Location"].startswith(reverse("second_factor_enrol"))


@pytest.mark.parametrize("persona", ["officer_user", "center_admin", "system_admin", "audit_admin"])
def test_the_reset_page_looks_missing_to_others(client, request, persona):
    with override_settings(SECOND_FACTOR_REQUIRED=False):
        client.force_login(request.getfixturevalue(persona))
        url = reverse("directory:second_factor_reset")
        assert client.get(url).status_code == 404
        assert client.post(url, {"username": "t_officer"}).status_code == 404


def test_the_command_resets_by_the_security_administrator_and_is_audited(officer_user, security_admin):
    TOTPDevice.objects.create(user=officer_user, name="x", confirmed=True)
    call_command("otp_reset", officer_user.username, "--by", security_admin.username, stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=officer_user).exists()
    event = AuditEvent.objects.get(action="auth.second_factor_reset")
    assert event.actor == security_admin and event.changes["extra"]["via"] == "manage.py otp_reset"


@pytest.mark.parametrize("persona", ["center_admin", "system_admin", "audit_admin", "officer_user"])
def test_the_command_follows_the_same_rule_as_the_page(request, officer_user, persona):
    TOTPDevice.objects.create(user=officer_user, name="x", confirmed=True)
    actor = request.getfixturevalue(persona)
    with pytest.raises(CommandError, match="无权"):
        call_command("otp_reset", officer_user.username, "--by", actor.username)
    assert TOTPDevice.objects.filter(user=officer_user).exists()
    assert not AuditEvent.objects.filter(action="auth.second_factor_reset").exists()


def test_the_command_refuses_an_own_reset(security_admin):
    TOTPDevice.objects.create(user=security_admin, name="x", confirmed=True)
    with pytest.raises(CommandError, match="不能重置自己"):
        call_command("otp_reset", security_admin.username, "--by", security_admin.username)
    assert TOTPDevice.objects.filter(user=security_admin).exists()


def test_off_in_the_demo_no_prompt_and_a_banner_for_staff(client, settings, officer_user, applicant):
    settings.SECOND_FACTOR_REQUIRED = False
    settings.DEBUG = True
    response = _login(client, officer_user)
    assert response["Location"] == PAGE
    assert "演示模式：未启用双因素认证" in client.get(PAGE).content.decode()
    client.force_login(applicant)
    assert "演示模式" not in client.get(PAGE).content.decode()
    settings.DEBUG = False
    client.force_login(officer_user)
    assert "演示模式" not in client.get(PAGE).content.decode()
