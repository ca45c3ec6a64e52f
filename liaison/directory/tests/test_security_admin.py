"""安全管理: the security administrator sees locked accounts and releases them, lists and revokes anybody's
API token; each change audited, nobody else may."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.core.errors import NotFound, PermissionDenied
from liaison.directory.selectors.security import api_token_admin_list, lockout_list
from liaison.directory.services.security import api_token_revoke_any, lockout_release
from liaison.directory.services.signin import signin_authenticate
from liaison.directory.services.tokens import api_token_authenticate, api_token_create
from liaison.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def _lock(user) -> None:
    for _n in range(5):
        signin_authenticate(request=None, username=user.username, password="wrong")


def test_a_locked_account_is_listed_and_released(client, security_admin, officer_user):
    _lock(officer_user)
    assert [row.username for row in lockout_list(user=security_admin)] == [officer_user.username]
    client.force_login(security_admin)
    html = client.get(reverse("directory:lockouts")).content.decode()
    assert officer_user.username in html and 'data-testid="lockout-row"' in html
    client.post(reverse("directory:lockout_release"), {"username": officer_user.username})
    assert lockout_list(user=security_admin) == []
    assert (
        signin_authenticate(request=None, username=officer_user.username, password=PASSWORD) == officer_user
    )
    event = AuditEvent.objects.get(action="auth.lockout_release")
    assert event.actor == security_admin and event.object_id == str(officer_user.pk)


def test_releasing_an_account_that_is_not_locked_says_so(client, security_admin, officer_user):
    with pytest.raises(NotFound, match="当前未被锁定"):
        lockout_release(actor=security_admin, username=officer_user.username)
    client.force_login(security_admin)
    response = client.post(reverse("directory:lockout_release"), {"username": "nobody"}, follow=True)
    assert "该账号当前未被锁定" in response.content.decode()
    assert not AuditEvent.objects.filter(action="auth.lockout_release").exists()


def test_the_security_administrator_lists_and_revokes_any_token(
    client, security_admin, officer_user, guide_user
):
    token, secret = api_token_create(user=officer_user, name="报表集成")
    api_token_create(user=guide_user, name="指导员脚本")
    assert api_token_admin_list(user=security_admin).count() == 2
    assert list(api_token_admin_list(user=security_admin, q="报表")) == [token]
    client.force_login(security_admin)
    html = client.get(reverse("directory:tokens")).content.decode()
    assert "报表集成" in html and "指导员脚本" in html and secret not in html
    client.post(reverse("directory:token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_token_authenticate(secret) is None
    assert list(api_token_admin_list(user=security_admin, state="revoked")) == [token]
    event = AuditEvent.objects.get(action="api_token.revoke_by_admin")
    assert event.actor == security_admin and event.changes["extra"]["owner"] == officer_user.username
    api_token_revoke_any(actor=security_admin, token_id=token.pk)  # twice: nothing more recorded
    assert AuditEvent.objects.filter(action="api_token.revoke_by_admin").count() == 1


def test_nobody_else_releases_or_revokes(center_admin, system_admin, audit_admin, officer_user):
    _lock(officer_user)
    token, _secret = api_token_create(user=officer_user, name="集成")
    for actor in (center_admin, system_admin, audit_admin):
        with pytest.raises(PermissionDenied):
            lockout_release(actor=actor, username=officer_user.username)
        with pytest.raises(PermissionDenied):
            api_token_revoke_any(actor=actor, token_id=token.pk)
    token.refresh_from_db()
    assert token.revoked_at is None
    assert len(lockout_list(user=_security_admin_for_check())) == 1


def _security_admin_for_check():
    from liaison.directory.roles import Role
    from liaison.testing.personas import make_user

    return make_user("check_security", roles=(Role.SECURITY_ADMIN,))


def test_the_security_settings_page_shows_the_parameters_in_force(client, security_admin):
    client.force_login(security_admin)
    html = client.get(reverse("directory:security_settings")).content.decode()
    assert "同一账号 15 分钟内失败 5 次即锁定" in html
    assert "30 分钟" in html
