"""Idle and absolute session timeouts: 30 minutes without a request, 8 hours from sign-in."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.directory.services.sessions import LAST_SEEN, SIGNED_IN_AT
from liaison.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db
PAGE = "/notifications/"
API = "/api/v1/notifications/unread-count"


def _age(client, *, idle: float = 0, signed_in: float = 0) -> None:
    """Pretend the last request was `idle` seconds ago and the sign-in `signed_in` seconds ago."""
    session = client.session
    now = time.time()
    session[LAST_SEEN] = now - idle
    session[SIGNED_IN_AT] = now - (signed_in or idle)
    session.save()


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_a_session_used_within_the_idle_limit_stays_signed_in(client, officer_user):
    client.force_login(officer_user)
    assert client.get(PAGE).status_code == 200
    _age(client, idle=29 * 60)
    assert client.get(PAGE).status_code == 200
    assert _signed_in(client)
    assert not AuditEvent.objects.filter(action="auth.session_expired").exists()


def test_thirty_minutes_without_a_request_sign_the_user_out(client, officer_user):
    client.force_login(officer_user)
    client.get(PAGE)
    _age(client, idle=31 * 60)
    response = client.get(PAGE)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not _signed_in(client)
    page = client.get(response.url).content.decode()
    assert "您已超过 30 分钟未操作，请重新登录。" in page
    event = AuditEvent.objects.get(action="auth.session_expired")
    assert event.actor == officer_user and event.changes["extra"] == {"reason": "idle"}


def test_the_idle_limit_is_a_setting(client, officer_user, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    client.force_login(officer_user)
    client.get(PAGE)
    _age(client, idle=6 * 60)
    assert client.get(PAGE).status_code == 302
    assert not _signed_in(client)


def test_a_busy_session_still_ends_eight_hours_after_sign_in(client, officer_user):
    client.force_login(officer_user)
    client.get(PAGE)
    _age(client, idle=60, signed_in=8 * 3600 + 60)
    assert client.get(PAGE).status_code == 302
    assert not _signed_in(client)
    event = AuditEvent.objects.get(action="auth.session_expired")
    assert event.changes["extra"] == {"reason": "absolute"}


def test_requests_keep_the_session_alive(client, officer_user):
    client.force_login(officer_user)
    client.get(PAGE)
    _age(client, idle=20 * 60, signed_in=20 * 60)
    client.get(PAGE)  # resets the idle clock
    last_seen = client.session[LAST_SEEN]
    assert time.time() - last_seen < 5
    assert time.time() - client.session[SIGNED_IN_AT] >= 20 * 60  # the sign-in time does not move


def test_an_idle_api_session_is_401(client, officer_user):
    client.force_login(officer_user)
    assert client.get(API).status_code == 200
    _age(client, idle=31 * 60)
    assert client.get(API).status_code == 401


def test_signing_in_starts_both_clocks(client, officer_user, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    officer_user.set_password(PASSWORD)
    officer_user.save()
    client.force_login(officer_user)
    client.get(PAGE)
    _age(client, idle=60, signed_in=7 * 3600)
    # Signing in again restarts the absolute clock as well as the idle one.
    client.post(reverse("login"), {"username": officer_user.username, "password": PASSWORD})
    assert time.time() - client.session[SIGNED_IN_AT] < 5
    assert time.time() - client.session[LAST_SEEN] < 5


def test_a_session_not_started_by_a_sign_in_is_left_to_the_cookie_age(client, officer_user):
    client.force_login(officer_user)  # no clocks: a test client, not a sign-in
    assert client.get(PAGE).status_code == 200
    assert LAST_SEEN not in client.session and _signed_in(client)


def test_a_pages_own_polling_does_not_keep_an_idle_session_alive(client, officer_user):
    """A progress bar refreshing itself (htmx with X-Background-Poll) is not activity: the idle clock runs on."""
    client.force_login(officer_user)
    client.get(PAGE)
    _age(client, idle=20 * 60)
    seen = client.session[LAST_SEEN]
    assert client.get(PAGE, headers={"X-Background-Poll": "1"}).status_code == 200
    assert client.session[LAST_SEEN] == seen  # not moved on
    _age(client, idle=31 * 60)
    response = client.get(PAGE, headers={"X-Background-Poll": "1"})
    assert response.status_code == 302 and not _signed_in(client)


def test_a_real_request_moves_the_idle_clock_on(client, officer_user):
    client.force_login(officer_user)
    client.get(PAGE)
    _age(client, idle=20 * 60)
    seen = client.session[LAST_SEEN]
    client.get(PAGE)
    assert client.session[LAST_SEEN] > seen
