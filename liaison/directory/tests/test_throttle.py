"""Login-failure handling (the registration limit is tested with registration, in intake)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.directory.models import ThrottleEvent
from liaison.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _login(client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_account_even_with_the_right_password(client):
    make_user("t_locked")
    for _n in range(5):
        response = _login(client, "t_locked", "wrong")
        assert response.status_code == 200 and "尝试次数过多" not in response.content.decode()
    response = _login(client, "t_locked", PASSWORD, address="10.0.0.2")
    assert response.status_code == 200
    assert "尝试次数过多，请 15 分钟后再试。" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_from_one_address_lock_that_address_for_other_accounts(client):
    make_user("t_other")
    for n in range(5):
        _login(client, f"nobody{n}", "wrong", address="10.9.9.9")
    assert "尝试次数过多" in _login(client, "t_other", PASSWORD, address="10.9.9.9").content.decode()
    assert _login(client, "t_other", PASSWORD, address="10.9.9.10").status_code == 302


def test_a_successful_login_forgets_the_accounts_failures(client):
    make_user("t_forgetful")
    for _n in range(4):
        _login(client, "t_forgetful", "wrong", address=f"10.1.1.{_n}")
    assert _login(client, "t_forgetful", PASSWORD, address="10.1.2.1").status_code == 302
    assert not ThrottleEvent.objects.filter(key="user:t_forgetful").exists()
