"""Sign-in events in the audit trail: success, failure (the username tried, never the password),
refusal by the lockout, sign-out, and API token creation and revocation."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.audit.services.verify import audit_chain_verify
from liaison.directory.services.throttle import LOGIN_ADDRESS_FAILURES, throttle_hit
from liaison.directory.services.tokens import api_token_create, api_token_revoke
from liaison.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _login(client, username: str, password: str, address: str = "198.51.100.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


def test_a_successful_sign_in_is_recorded_with_the_user_and_the_address(client):
    user = make_user("t_audited", full_name="审计对象")
    assert _login(client, "t_audited", PASSWORD).status_code == 302
    [event] = _events("auth.login")
    assert (event.actor, event.object_type, event.object_id) == (user, "directory.user", str(user.pk))
    assert event.ip == "198.51.100.7"
    assert event.source == "web"
    assert audit_chain_verify().ok


def test_a_failed_sign_in_records_the_username_tried_and_never_the_password(client):
    user = make_user("t_target")
    _login(client, "t_target", "Secret-Guess-123")
    _login(client, "no_such_person", "Other-Guess-456")
    known, unknown = _events("auth.login_failed")
    assert known.actor is None and known.actor_name == "未登录访客"
    assert (known.object_type, known.object_id) == ("directory.user", str(user.pk))
    assert known.changes["extra"]["username"] == "t_target"
    assert (unknown.object_type, unknown.object_id) == ("directory.user", "")
    assert unknown.changes["extra"]["username"] == "no_such_person"
    assert unknown.ip == "198.51.100.7"
    stored = json.dumps([e.changes for e in (known, unknown)], ensure_ascii=False)
    stored += "".join(f"{e.summary}{e.object_repr}" for e in (known, unknown))
    assert "Secret-Guess-123" not in stored and "Other-Guess-456" not in stored
    assert not _events("auth.login")


def test_a_refusal_by_the_account_lockout_is_recorded(client):
    make_user("t_locked_out")
    for _n in range(5):
        _login(client, "t_locked_out", "wrong")
    _login(client, "t_locked_out", PASSWORD)
    [refused] = _events("auth.login_refused")
    assert refused.changes["extra"] == {"username": "t_locked_out", "limit": "account"}
    assert "该账号" in refused.summary
    assert len(_events("auth.login_failed")) == 5
    assert not _events("auth.login")


def test_a_refusal_by_the_address_limit_is_recorded(client):
    make_user("t_sprayed")
    _login(client, "t_sprayed", "wrong", address="10.7.7.7")
    for _n in range(LOGIN_ADDRESS_FAILURES.attempts):
        throttle_hit(LOGIN_ADDRESS_FAILURES, ["ip:10.7.7.7"])
    _login(client, "t_sprayed", PASSWORD, address="10.7.7.7")
    [refused] = _events("auth.login_refused")
    assert refused.changes["extra"]["limit"] == "address"
    assert refused.ip == "10.7.7.7"


def test_signing_out_is_recorded(client):
    user = make_user("t_leaving")
    _login(client, "t_leaving", PASSWORD)
    assert client.post(reverse("logout")).status_code == 302
    [event] = _events("auth.logout")
    assert event.actor == user
    assert "_auth_user_id" not in client.session
    # Signing out again, without a session, records nothing more.
    client.post(reverse("logout"))
    assert len(_events("auth.logout")) == 1


def test_creating_and_revoking_an_api_token_is_recorded_without_the_secret(officer_user):
    token, secret = api_token_create(user=officer_user, name="审批平台对接")
    [created] = _events("api_token.create")
    assert (created.actor, created.object_type, created.object_id) == (
        officer_user,
        "directory.apitoken",
        str(token.pk),
    )
    assert "审批平台对接" in created.summary
    everything = json.dumps(list(AuditEvent.objects.values()), default=str, ensure_ascii=False)
    assert secret not in everything
    api_token_revoke(user=officer_user, token_id=token.pk)
    api_token_revoke(user=officer_user, token_id=token.pk)  # a second revocation changes nothing
    assert len(_events("api_token.revoke")) == 1


def test_sign_in_events_have_readable_names():
    from liaison.audit.actions import action_label

    assert action_label("auth.login") == "登录"
    assert action_label("auth.login_failed") == "登录失败"
    assert action_label("api_token.create") == "创建API令牌"
