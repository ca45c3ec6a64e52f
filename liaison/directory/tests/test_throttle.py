"""Login-failure handling: lock per account; per address only ever refuse unknown or failing accounts.

The registration limit is tested with registration, in intake.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.directory.models import ThrottleEvent
from liaison.directory.services.throttle import LOGIN_ADDRESS_FAILURES, throttle_hit
from liaison.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOCKED = "尝试次数过多，请 15 分钟后再试。"
PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _login(client, username: str, password: str, address: str = "10.0.0.1", **meta: str):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **meta
    )


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_failures_lock_the_account_even_with_the_right_password(client):
    make_user("t_locked")
    for _n in range(5):
        response = _login(client, "t_locked", "wrong")
        assert response.status_code == 200 and "尝试次数过多" not in response.content.decode()
    response = _login(client, "t_locked", PASSWORD, address="10.0.0.2")
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert not _signed_in(client)


def test_behind_a_proxy_one_account_failing_does_not_stop_another_from_signing_in(client):
    # Default settings trust no proxy: every request arrives from the proxy's address.
    make_user("t_victim")
    make_user("t_colleague")
    for _n in range(5):
        _login(client, "t_victim", "wrong", address=PROXY)
    assert LOCKED in _login(client, "t_victim", PASSWORD, address=PROXY).content.decode()
    response = _login(client, "t_colleague", PASSWORD, address=PROXY)
    assert response.status_code == 302 and _signed_in(client)


def test_with_a_trusted_proxy_failures_count_against_the_forwarded_client_address(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    make_user("t_colleague")
    for n in range(LOGIN_ADDRESS_FAILURES.attempts):
        _login(client, f"nobody{n}", "wrong", address=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert ThrottleEvent.objects.filter(scope="login_ip", key="ip:198.51.100.9").count() == 50
    assert not ThrottleEvent.objects.filter(scope="login_ip", key=f"ip:{PROXY}").exists()
    assert LOCKED in _login(client, "nobody99", "wrong", HTTP_X_FORWARDED_FOR="198.51.100.9").content.decode()
    # Another client behind the same proxy is not affected at all.
    response = _login(client, "nobody0", "wrong", HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert LOCKED not in response.content.decode()
    assert "用户名或密码不正确" in response.content.decode()
    response = _login(client, "t_colleague", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert response.status_code == 302 and _signed_in(client)


def test_a_forged_forwarded_header_does_not_escape_the_address_limit(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for _n in range(LOGIN_ADDRESS_FAILURES.attempts):
        throttle_hit(LOGIN_ADDRESS_FAILURES, ["ip:198.51.100.9"])
    # The client writes its own X-Forwarded-For; the proxy appends the address it saw.
    response = _login(client, "nobody", "wrong", HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.9")
    assert LOCKED in response.content.decode()


def test_past_the_address_limit_only_unknown_or_failing_accounts_are_refused(client):
    make_user("t_clean")
    make_user("t_failing")
    make_user("t_guessed")
    _login(client, "t_failing", "wrong", address="10.9.9.9")
    for _n in range(LOGIN_ADDRESS_FAILURES.attempts):
        throttle_hit(LOGIN_ADDRESS_FAILURES, ["ip:10.9.9.9"])
    # Unknown accounts and wrong passwords get the lockout answer, whether the account exists or not.
    assert LOCKED in _login(client, "nobody", "wrong", address="10.9.9.9").content.decode()
    assert LOCKED in _login(client, "t_guessed", "wrong", address="10.9.9.9").content.decode()
    # An account that failed recently is refused even with the right password...
    assert LOCKED in _login(client, "t_failing", PASSWORD, address="10.9.9.9").content.decode()
    assert not _signed_in(client)
    # ...an account with no failures signs in as usual.
    response = _login(client, "t_clean", PASSWORD, address="10.9.9.9")
    assert response.status_code == 302 and _signed_in(client)
    # From another address the failing account is not refused.
    client.logout()
    assert _login(client, "t_failing", PASSWORD, address="10.9.9.10").status_code == 302


def test_failures_are_counted_per_account_and_per_address(client):
    _login(client, "nobody", "wrong", address="10.3.3.3")
    keys = set(ThrottleEvent.objects.values_list("scope", "key"))
    assert keys == {("login", "user:nobody"), ("login_ip", "ip:10.3.3.3")}


def test_a_successful_login_forgets_the_accounts_failures(client):
    make_user("t_forgetful")
    for _n in range(4):
        _login(client, "t_forgetful", "wrong", address=f"10.1.1.{_n}")
    assert _login(client, "t_forgetful", PASSWORD, address="10.1.2.1").status_code == 302
    assert not ThrottleEvent.objects.filter(key="user:t_forgetful").exists()


def test_an_inactive_account_is_refused_like_a_wrong_password(client):
    make_user("t_inactive", is_active=False)
    response = _login(client, "t_inactive", PASSWORD)
    assert response.status_code == 200 and "用户名或密码不正确" in response.content.decode()
    assert not _signed_in(client)
