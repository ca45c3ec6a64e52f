"""账号管理: the system administrator lists and searches accounts, grants and revokes roles, deactivates and
reactivates — through the services, audited, never on their own account."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.roles import Role
from liaison.directory.services.accounts import (
    account_deactivate,
    account_reactivate,
    account_role_grant,
    account_role_revoke,
)
from liaison.testing.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_the_list_searches_filters_and_pages(client, system_admin):
    for n in range(30):
        make_user(f"staff{n:02d}", roles=(Role.OFFICER,), full_name=f"职员{n}")
    make_user("zhangsan", roles=(Role.GUIDE,), full_name="张三")
    client.force_login(system_admin)
    url = reverse("directory:account_list")
    first = client.get(url).content.decode()
    assert "第 1 / 2 页" in first
    assert "staff00" in first
    found = client.get(url, {"q": "张三"}).content.decode()
    assert "zhangsan" in found and "staff00" not in found
    by_role = client.get(url, {"role": "guide"}).content.decode()
    assert "zhangsan" in by_role and "staff00" not in by_role
    assert "专职指导员" in by_role


def test_granting_through_the_page_keeps_the_separation_with_a_chinese_message(client, system_admin):
    officer = make_user("o1", roles=(Role.OFFICER,))
    client.force_login(system_admin)
    url = reverse("directory:account_change", args=[officer.pk])
    response = client.post(url, {"action": "grant", "role": "audit_admin"}, follow=True)
    assert "三员分立" in response.content.decode()
    assert officer.role_set == {"officer"}
    client.post(url, {"action": "grant", "role": "guide"})
    officer.__dict__.pop("role_set", None)
    assert officer.role_set == {"officer", "guide"}
    assert AuditEvent.objects.filter(action="role.grant", actor=system_admin).count() == 1


def test_an_empty_or_unknown_role_is_refused_with_a_message(system_admin):
    officer = make_user("o2", roles=(Role.OFFICER,))
    with pytest.raises(DomainError, match="请选择要授予的角色"):
        account_role_grant(actor=system_admin, account=officer, role="")
    with pytest.raises(DomainError, match="未知角色"):
        account_role_grant(actor=system_admin, account=officer, role="root")
    assert officer.role_set == {"officer"}


def test_deactivating_stops_sign_in_and_reactivating_restores_it(client, system_admin):
    officer = make_user("o3", roles=(Role.OFFICER,))
    account_deactivate(actor=system_admin, account=officer)
    assert not client.login(username="o3", password=PASSWORD)
    with pytest.raises(DomainError, match="该账号已停用"):
        account_deactivate(actor=system_admin, account=officer)
    account_reactivate(actor=system_admin, account=officer)
    assert client.login(username="o3", password=PASSWORD)
    actions = list(AuditEvent.objects.filter(object_id=str(officer.pk)).values_list("action", flat=True))
    assert actions.count("user.deactivate") == 1 and actions.count("user.reactivate") == 1


def test_the_system_administrator_cannot_change_their_own_account(client, system_admin):
    with pytest.raises(PermissionDenied):
        account_role_grant(actor=system_admin, account=system_admin, role=Role.SECURITY_ADMIN)
    with pytest.raises(PermissionDenied):
        account_role_revoke(actor=system_admin, account=system_admin, role=Role.SYSTEM_ADMIN)
    with pytest.raises(PermissionDenied):
        account_deactivate(actor=system_admin, account=system_admin)
    client.force_login(system_admin)
    html = client.get(reverse("directory:account_detail", args=[system_admin.pk])).content.decode()
    assert 'data-testid="own-account"' in html
    assert 'data-testid="deactivate"' not in html
    system_admin.refresh_from_db()
    assert system_admin.is_active and system_admin.role_set == {"system_admin"}


def test_only_the_system_administrator_changes_accounts(center_admin, security_admin):
    officer = make_user("o4", roles=(Role.OFFICER,))
    for actor in (center_admin, security_admin):
        with pytest.raises(PermissionDenied):
            account_role_grant(actor=actor, account=officer, role=Role.GUIDE)
        with pytest.raises(PermissionDenied):
            account_deactivate(actor=actor, account=officer)
    officer.refresh_from_db()
    assert officer.is_active and officer.role_set == {"officer"}


def test_a_missing_account_is_404(client, system_admin):
    client.force_login(system_admin)
    assert client.get(reverse("directory:account_detail", args=[99999])).status_code == 404
    assert (
        client.post(reverse("directory:account_change", args=[99999]), {"action": "deactivate"}).status_code
        == 404
    )
