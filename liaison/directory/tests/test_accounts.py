"""Creating accounts and registering enterprises: validated, audited, nothing half-saved."""

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError
from liaison.directory.models import Enterprise, User
from liaison.directory.roles import Role
from liaison.directory.services.enterprises import enterprise_create
from liaison.directory.services.users import user_create

pytestmark = pytest.mark.django_db
USCC = "91350100M000100Y43"


def test_an_account_is_created_with_its_roles_and_audited(center_admin, department):
    user = user_create(
        actor=center_admin,
        username=" zhang3 ",
        full_name="张三",
        roles=[Role.GUIDE],
        department=department,
        mobile="13900009999",
    )
    assert user.username == "zhang3"
    assert user.role_set == {"guide"}
    assert not user.has_usable_password()  # cannot sign in until a password is set
    event = AuditEvent.objects.get(action="user.create")
    assert event.actor == center_admin
    assert event.changes["diff"]["roles"] == [None, ["guide"]]
    assert "mobile" not in event.changes["diff"]  # phones stay out of the trail


def test_a_taken_or_empty_username_is_refused(center_admin, officer_user):
    with pytest.raises(DomainError, match="已被使用") as caught:
        user_create(actor=center_admin, username=officer_user.username, full_name="重名", roles=[])
    assert caught.value.field == "username"
    with pytest.raises(DomainError, match="请填写用户名"):
        user_create(actor=center_admin, username="  ", full_name="无名", roles=[])
    assert not AuditEvent.objects.filter(action="user.create").exists()


def test_an_account_with_an_unknown_role_is_not_created(center_admin):
    with pytest.raises(DomainError, match="未知角色"):
        user_create(actor=center_admin, username="li4", full_name="李四", roles=["boss"])
    assert not User.objects.filter(username="li4").exists()
    assert not AuditEvent.objects.exists()


def test_an_enterprise_is_registered_under_its_normalised_code(center_admin):
    enterprise = enterprise_create(actor=center_admin, name=" 昆明示例置业有限公司 ", uscc=USCC.lower())
    assert (enterprise.name, enterprise.uscc) == ("昆明示例置业有限公司", USCC)
    assert AuditEvent.objects.get(action="enterprise.create").object_id == str(enterprise.pk)


def test_an_enterprise_with_a_bad_or_taken_code_is_refused(center_admin):
    with pytest.raises(DomainError, match="校验位不正确") as caught:
        enterprise_create(actor=center_admin, name="某公司", uscc="91350100M000100Y44")
    assert caught.value.field == "uscc"
    enterprise_create(actor=center_admin, name="甲公司", uscc=USCC)
    with pytest.raises(DomainError, match=f"统一社会信用代码 {USCC} 已登记"):
        enterprise_create(actor=center_admin, name="乙公司", uscc=USCC)
    with pytest.raises(DomainError, match="请填写单位名称"):
        enterprise_create(actor=center_admin, name=" ", uscc=USCC)
    assert Enterprise.objects.count() == 1
