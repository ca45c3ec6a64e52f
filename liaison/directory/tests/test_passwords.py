"""Password rules (等保 身份鉴别): the change page checks the old password, complexity and the last five;
an expired password or one an administrator set must be changed before anything else; changes audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError
from liaison.directory.models import PasswordHistory, User
from liaison.directory.services.passwords import password_change, password_set_initial
from liaison.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db
PAGE = "/notifications/"


def _change(client, old, new, repeat=None, next_url="/"):
    return client.post(
        reverse("password_change"),
        {
            "old_password": old,
            "new_password": new,
            "repeat": new if repeat is None else repeat,
            "next": next_url,
        },
    )


@pytest.mark.parametrize(
    "attempt",
    [
        ("wrong", "Xin-Mima-2027!", None, "原密码不正确"),
        (PASSWORD, "Xin-Mima-2027!", "Other-Mima-2027!", "两次输入的新密码不一致"),
        (PASSWORD, "short1!", None, "太短"),
        (PASSWORD, "alllowercaseletters", None, "至少 3 种"),
        (PASSWORD, PASSWORD, None, "最近 5 次"),
    ],
)
def test_a_bad_change_is_refused_with_its_reason_and_changes_nothing(client, officer_user, attempt):
    old, new, repeat, message = attempt
    client.force_login(officer_user)
    before = User.objects.get(pk=officer_user.pk).password
    response = _change(client, old, new, repeat)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.get(pk=officer_user.pk).password == before
    assert not AuditEvent.objects.filter(action="user.password_change").exists()


def test_a_change_signs_in_with_the_new_password_is_audited_and_keeps_the_session(client, officer_user):
    client.force_login(officer_user)
    response = _change(client, PASSWORD, "Xin-Mima-2027!", next_url=PAGE)
    assert response.status_code == 302 and response["Location"] == PAGE
    assert client.get(PAGE).status_code == 200  # still signed in
    user = User.objects.get(pk=officer_user.pk)
    assert user.check_password("Xin-Mima-2027!") and user.password_changed_at is not None
    assert AuditEvent.objects.filter(action="user.password_change", object_id=str(user.pk)).count() == 1


def test_none_of_the_last_five_passwords_comes_back(officer_user):
    user = User.objects.get(pk=officer_user.pk)
    current = PASSWORD
    used = [f"Mima-{n}-Xyz!" for n in range(6)]
    for new in used:
        user = password_change(user=user, old_password=current, new_password=new, repeat=new)
        current = new
    assert PasswordHistory.objects.filter(user=user).count() == 5
    for recent in used[-5:]:
        with pytest.raises(DomainError, match="最近 5 次"):
            password_change(user=user, old_password=current, new_password=recent, repeat=recent)
    password_change(user=user, old_password=current, new_password=used[0], repeat=used[0])  # 6 changes ago


def test_an_expired_password_sends_the_user_to_the_change_page_first(client, officer_user, settings):
    settings.PASSWORD_MAX_AGE_DAYS = 90
    User.objects.filter(pk=officer_user.pk).update(password_changed_at=timezone.now() - dt.timedelta(days=91))
    client.force_login(officer_user)
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("password_change"))
    page = client.get(response["Location"])
    assert "超过 90 天未修改" in page.content.decode()
    assert client.get("/api/v1/notifications/unread-count").status_code == 200  # the API is not held up
    _change(client, PASSWORD, "Xin-Mima-2027!")
    assert client.get(PAGE).status_code == 200


def test_an_account_whose_password_an_administrator_set_changes_it_at_the_first_sign_in(client, officer_user):
    password_set_initial(User.objects.get(pk=officer_user.pk), "Chushi-Mima-1!")
    client.post(reverse("login"), {"username": officer_user.username, "password": "Chushi-Mima-1!"})
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith(reverse("password_change"))
    assert "由管理员设置" in client.get(response["Location"]).content.decode()
    _change(client, "Chushi-Mima-1!", "Ziji-Mima-2027!")
    assert client.get(PAGE).status_code == 200
    assert not User.objects.get(pk=officer_user.pk).must_change_password


def test_the_change_page_never_redirects_off_site(client, officer_user):
    client.force_login(officer_user)
    response = _change(client, PASSWORD, "Xin-Mima-2027!", next_url="https://evil.example/")
    assert response["Location"] == "/"
