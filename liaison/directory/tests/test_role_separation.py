"""三员分立: the three administrator roles are held alone, whoever grants them and however."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError
from liaison.directory.models import RoleMembership
from liaison.directory.roles import ADMIN_ROLES, BUSINESS_ROLES, Role
from liaison.directory.services.roles import role_grant, role_revoke
from liaison.directory.services.users import user_create
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db
MESSAGE = "三员分立：系统管理员、安全管理员、审计管理员只能单独授予"


@pytest.mark.parametrize("admin", sorted(ADMIN_ROLES))
@pytest.mark.parametrize("other", sorted(Role.values))
def test_an_administrator_role_is_never_held_with_another_role(admin, other):
    if admin == other:
        return
    holder = make_user(f"holds_{admin}", roles=(admin,))
    with pytest.raises(DomainError, match=MESSAGE):
        role_grant(user=holder, roles=[other])
    assert holder.role_set == {admin}
    business = make_user(f"holds_{other}", roles=(other,))
    with pytest.raises(DomainError, match=MESSAGE):
        role_grant(user=business, roles=[admin])
    assert business.role_set == {other}


def test_two_roles_at_once_are_refused_and_nothing_is_granted():
    user = make_user("fresh")
    with pytest.raises(DomainError, match=MESSAGE) as caught:
        role_grant(user=user, roles=[Role.SECURITY_ADMIN, Role.AUDIT_ADMIN])
    assert "安全管理员、审计管理员" in str(caught.value.message)
    assert not RoleMembership.objects.filter(user=user).exists()


def test_an_account_cannot_be_created_with_an_administrator_and_a_business_role(system_admin):
    with pytest.raises(DomainError, match=MESSAGE):
        user_create(
            actor=system_admin, username="mixed", full_name="混合", roles=[Role.AUDIT_ADMIN, Role.OFFICER]
        )
    assert not AuditEvent.objects.filter(action="user.create").exists()


def test_business_roles_may_still_be_combined():
    user = make_user("dual", roles=(Role.CENTER_ADMIN, Role.SUPERVISOR))
    role_grant(user=user, roles=[Role.GUIDE])
    assert user.role_set == {"center_admin", "supervisor", "guide"}
    assert set(Role.values) - ADMIN_ROLES == BUSINESS_ROLES
    assert len(Role.values) == 11


def test_a_grant_and_a_revoke_by_an_actor_are_audited(system_admin):
    user = make_user("target", roles=(Role.OFFICER,))
    role_grant(user=user, roles=[Role.GUIDE], actor=system_admin)
    grant = AuditEvent.objects.get(action="role.grant")
    assert grant.actor == system_admin
    assert grant.changes["diff"]["roles"] == [["officer"], ["guide", "officer"]]
    role_revoke(actor=system_admin, user=user, role=Role.OFFICER)
    assert user.role_set == {"guide"}
    revoke = AuditEvent.objects.get(action="role.revoke")
    assert revoke.changes["diff"]["roles"] == [["guide", "officer"], ["guide"]]


def test_revoking_a_role_not_held_changes_nothing(system_admin):
    user = make_user("plain", roles=(Role.OFFICER,))
    with pytest.raises(DomainError, match="该用户没有此角色"):
        role_revoke(actor=system_admin, user=user, role=Role.GUIDE)
    assert not AuditEvent.objects.filter(action="role.revoke").exists()
