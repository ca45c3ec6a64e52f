"""officer_register: who may register, what it creates, and how bad input is refused."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.notifications.models import Notification
from liaison.officers.models import OfficerRecordKind, OfficerStatus
from liaison.officers.tests.conftest import register, table_counts
from liaison.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def test_center_admin_registers_a_new_officer_with_a_new_account(center_admin):
    officer = register(
        center_admin,
        "zhangsan",
        full_name="张三",
        mobile="13912345678",
        unit="区投资促进局",
        email="zhangsan@example.gov.cn",
        notes="熟悉建设许可阶段",
    )

    user = User.objects.get(username="zhangsan")
    assert officer.user == user
    assert (user.full_name, user.mobile, user.email) == ("张三", "13912345678", "zhangsan@example.gov.cn")
    assert not user.has_usable_password()
    assert user.has_role(Role.OFFICER)
    assert officer.status == OfficerStatus.ACTIVE
    assert officer.registered_on == timezone.localdate()
    assert officer.number == f"LLG-{timezone.localdate().year}-0001"
    assert officer.notes == "熟悉建设许可阶段"


def test_registration_writes_the_record_entry_the_audit_event_and_a_notice(center_admin):
    officer = register(center_admin, "lisi", full_name="李四")

    entry = officer.record_entries.get()
    assert entry.kind == OfficerRecordKind.REGISTERED
    assert officer.number in entry.text
    assert entry.recorded_by == center_admin
    event = AuditEvent.objects.get(action="officer.register")
    assert event.object_id == str(officer.pk)
    assert event.actor == center_admin
    assert event.changes["diff"]["number"] == [None, officer.number]
    assert event.changes["extra"] == {"account_created": True}
    notice = Notification.objects.get(recipient=officer.user)
    assert officer.number in notice.body


def test_a_given_password_lets_the_new_officer_sign_in(center_admin, client):
    register(center_admin, "wangwu", password=PASSWORD)

    assert client.login(username="wangwu", password=PASSWORD)


def test_a_weak_password_is_refused_with_djangos_chinese_message_and_nothing_saved(center_admin):
    before = table_counts()

    with pytest.raises(DomainError) as exc:
        register(center_admin, "wangwu", password="123")

    assert exc.value.field == "password"
    assert "密码" in str(exc.value.message)
    assert table_counts() == before


def test_registering_an_existing_account_attaches_it_and_refreshes_name_and_mobile(
    center_admin, officer_user
):
    officer = register(
        center_admin, officer_user.username, full_name="联络官甲（更正）", mobile="13800009999"
    )

    officer_user.refresh_from_db()
    assert officer.user == officer_user
    assert officer_user.full_name == "联络官甲（更正）"
    assert officer_user.mobile == "13800009999"
    assert officer_user.check_password(PASSWORD)  # the existing login keeps working
    assert AuditEvent.objects.get(action="officer.register").changes["extra"] == {"account_created": False}


def test_an_account_already_registered_as_officer_is_refused(center_admin, officer):
    before = table_counts()

    with pytest.raises(DomainError) as exc:
        register(center_admin, officer.user.username, mobile="13600000000")

    assert exc.value.field == "username"
    assert officer.number in str(exc.value.message)
    assert table_counts() == before


def test_a_deactivated_account_cannot_be_registered(center_admin, guide_user):
    guide_user.is_active = False
    guide_user.save()
    before = table_counts()

    with pytest.raises(DomainError, match="已停用"):
        register(center_admin, guide_user.username)

    assert table_counts() == before


@pytest.mark.parametrize(
    "persona",
    [
        "center_leader",
        "supervisor",
        "officer_user",
        "guide_user",
        "applicant",
        "dept_admin",
        "project_office",
    ],
)
def test_only_the_center_admin_may_register(request, persona):
    actor = request.getfixturevalue(persona)
    before = table_counts()

    with pytest.raises(PermissionDenied, match="政务服务中心工作人员"):
        register(actor, "someone")

    assert table_counts() == before


@pytest.mark.parametrize(
    ("mobile", "stored"),
    [("13912345678", "13912345678"), ("139 1234 5678", "13912345678"), ("+86 139-1234-5678", "13912345678")],
)
def test_mobile_numbers_are_normalised(center_admin, mobile, stored):
    officer = register(center_admin, "zhao", mobile=mobile)

    assert officer.user.mobile == stored


@pytest.mark.parametrize(
    "mobile", ["", "1391234567", "139123456789", "23912345678", "1391234567a", "0871-63100001"]
)
def test_a_bad_mobile_is_refused_with_a_chinese_message_and_nothing_saved(center_admin, mobile):
    before = table_counts()

    with pytest.raises(DomainError) as exc:
        register(center_admin, "zhao", mobile=mobile)

    assert exc.value.field == "mobile"
    assert "手机号码" in str(exc.value.message)
    assert table_counts() == before


def test_a_mobile_already_used_by_another_officer_is_refused(center_admin, other_officer):
    before = table_counts()

    with pytest.raises(DomainError) as exc:
        register(center_admin, "zhao", mobile=other_officer.user.mobile)

    assert exc.value.field == "mobile"
    assert other_officer.number in str(exc.value.message)
    assert table_counts() == before


def test_a_duplicate_number_is_refused_and_nothing_saved(center_admin):
    register(center_admin, "first", number="WH-001")
    before = table_counts()

    with pytest.raises(DomainError) as exc:
        register(center_admin, "second", number="wh-001")

    assert exc.value.field == "number"
    assert "WH-001" in str(exc.value.message)
    assert table_counts() == before
    assert not User.objects.filter(username="second").exists()


@pytest.mark.parametrize("number", ["联络官1", "A B", "-LLG", "X" * 21])
def test_a_malformed_number_is_refused(center_admin, number):
    with pytest.raises(DomainError) as exc:
        register(center_admin, "zhao", number=number)

    assert exc.value.field == "number"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "  ", "请填写姓名"),
        ("unit", "", "请填写工作单位"),
        ("unit", "单" * 101, "工作单位不能超过100个字符"),
        ("email", "not-an-email", "电子邮箱格式不正确"),
        ("registered_on", timezone.localdate() + datetime.timedelta(days=1), "不能晚于今天"),
    ],
)
def test_missing_or_bad_registration_data_is_refused(center_admin, field, value, message):
    before = table_counts()

    with pytest.raises(DomainError, match=message) as exc:
        register(center_admin, "zhao", **{field: value})

    assert exc.value.field == field
    assert table_counts() == before


@pytest.mark.parametrize("username", ["", "张 三", "a/b"])
def test_a_bad_username_is_refused(center_admin, username):
    with pytest.raises(DomainError) as exc:
        register(center_admin, username)

    assert exc.value.field == "username"
