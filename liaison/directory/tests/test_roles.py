"""Roles: granted idempotently, and a multi-role user acts in one role they hold."""

from __future__ import annotations

import pytest

from liaison.core.errors import DomainError
from liaison.directory.models import RoleMembership
from liaison.directory.roles import Role
from liaison.directory.services.roles import active_role_choose, role_grant
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db


def test_granting_roles_is_idempotent_and_refreshes_the_cached_role_set():
    user = make_user("multi", roles=(Role.OFFICER,))
    assert user.role_set == {"officer"}
    role_grant(user=user, roles=[Role.GUIDE, Role.OFFICER])
    role_grant(user=user, roles=[Role.GUIDE])
    assert user.role_set == {"officer", "guide"}
    assert user.has_role(Role.GUIDE, Role.SUPERVISOR)
    assert not user.has_role(Role.SUPERVISOR)
    assert RoleMembership.objects.filter(user=user).count() == 2


def test_an_unknown_role_is_refused_and_nothing_is_granted():
    user = make_user("someone")
    with pytest.raises(DomainError, match="未知角色：superuser、boss"):
        role_grant(user=user, roles=[Role.OFFICER, "superuser", "boss"])
    assert not RoleMembership.objects.filter(user=user).exists()


def test_a_user_acts_only_in_a_role_they_hold():
    user = make_user("dual", roles=(Role.CENTER_ADMIN, Role.SUPERVISOR))
    assert active_role_choose(user=user, role=Role.SUPERVISOR) == "supervisor"
    with pytest.raises(DomainError, match="您没有该角色"):
        active_role_choose(user=user, role=Role.CENTER_LEADER)
    with pytest.raises(DomainError):
        active_role_choose(user=user, role="")


def test_switching_role_in_the_browser_stores_it_in_the_session(client):
    from liaison.audit.middleware import ACTIVE_ROLE_SESSION_KEY

    user = make_user("dual_web", roles=(Role.CENTER_ADMIN, Role.SUPERVISOR))
    client.force_login(user)
    client.post("/account/role/", {"role": "supervisor", "next": "/"}, secure=True)
    assert client.session[ACTIVE_ROLE_SESSION_KEY] == "supervisor"
    client.post("/account/role/", {"role": "center_leader", "next": "/"}, secure=True)
    assert client.session[ACTIVE_ROLE_SESSION_KEY] == "supervisor"


def test_an_unsaved_user_holds_no_roles():
    from liaison.directory.models import User

    assert User(username="unsaved").role_set == frozenset()
