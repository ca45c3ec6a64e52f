"""Enterprise self-registration (USCC, password, mobiles) and dated changes of its lead and handler."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.codes import uscc_check_character
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.directory.models import Enterprise, User
from liaison.intake.models import EnterpriseContact
from liaison.intake.services.dispatch import assignment_dispatch, assignment_reassign
from liaison.intake.services.enterprises import enterprise_contact_change, enterprise_register
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    PASSWORD,
    fast_passwords,
    make_uscc,
    register_officer,
    request_in,
    world,
)
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db


def form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "昆明滇池置业有限公司",
        "uscc": make_uscc(4242),
        "address": "昆明市五华区人民中路1号",
        "legal_representative": "李建国",
        "username": "dianchi",
        "password": PASSWORD,
        "email": "dianchi@example.com",
        "lead_name": "周海明",
        "lead_mobile": "13888120001",
        "handler_name": "王丽娟",
        "handler_mobile": "13888120002",
    }
    return {**data, **overrides}


def counts() -> tuple[int, int, int, int]:
    return (
        Enterprise.objects.count(),
        User.objects.count(),
        EnterpriseContact.objects.count(),
        AuditEvent.objects.count(),
    )


def with_check(first17: str) -> str:
    return first17 + uscc_check_character(first17)


def test_registration_creates_the_enterprise_its_account_and_its_lead_and_handler(fast_passwords):
    user = enterprise_register(**form())

    enterprise = user.enterprise
    assert (enterprise.name, enterprise.uscc) == ("昆明滇池置业有限公司", form()["uscc"])
    assert user.has_role("applicant") and user.check_password(PASSWORD)
    contacts = {c.role: (c.name, c.mobile, c.since) for c in enterprise.contacts.all()}
    today = timezone.localdate()
    assert contacts == {"lead": ("周海明", "13888120001", today), "handler": ("王丽娟", "13888120002", today)}
    assert AuditEvent.objects.filter(action="enterprise.register", object_id=str(enterprise.pk)).exists()


@pytest.mark.parametrize(
    "first17",
    ["N2530102MA1234567", "Y1530102MA1234567", "A1530102MA1234567", "91530102MA6K0XY23"],
    ids=["rural-collective-N", "other-Y", "letter-A", "company-9"],
)
def test_codes_including_those_beginning_with_a_letter_are_accepted(fast_passwords, first17):
    code = with_check(first17)
    user = enterprise_register(**form(uscc=code.lower()))
    assert user.enterprise.uscc == code


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("91530102MA6K0XYZ3", "18位"),
        ("91530102MA6K0XYZ3BB", "18位"),
        ("91530102MA6K0XYO3B", "不允许的字符“O”"),
        ("Z1530102MA6K0XYZ3B", "不允许的字符“Z”"),
        ("B1530102MA6K0XY23B", "第1位"),
        ("9153A102MA6K0XY23B", "第3至8位"),
    ],
    ids=["short", "long", "letter-O", "letter-Z", "bad-authority", "bad-region"],
)
def test_malformed_codes_are_refused_and_nothing_is_saved(fast_passwords, code, message):
    before = counts()
    with pytest.raises(DomainError, match=message) as caught:
        enterprise_register(**form(uscc=code))
    assert caught.value.field == "uscc"
    assert counts() == before


def test_a_wrong_check_character_is_refused(fast_passwords):
    good = make_uscc(4242)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(DomainError, match="校验位不正确"):
        enterprise_register(**form(uscc=wrong))
    assert Enterprise.objects.count() == 0


def test_a_code_already_registered_is_refused(fast_passwords):
    enterprise_register(**form())
    before = counts()
    with pytest.raises(DomainError, match="已登记") as caught:
        enterprise_register(**form(username="another", email="another@example.com"))
    assert caught.value.field == "uscc"
    assert counts() == before


def test_a_username_already_taken_is_refused_and_the_enterprise_is_not_left_behind(fast_passwords):
    enterprise_register(**form())
    before = counts()
    with pytest.raises(DomainError, match="已被使用"):
        enterprise_register(**form(uscc=make_uscc(777)))
    assert counts() == before


@pytest.mark.parametrize(
    ("password", "reason"),
    [("12345678", "全部是数字"), ("Sh0rt!", "太短"), ("password", "常见"), ("dianchi2026", "相似")],
    ids=["numeric", "short", "common", "like-username"],
)
def test_a_weak_password_is_refused_with_the_reason_in_chinese(fast_passwords, password, reason):
    before = counts()
    with pytest.raises(DomainError, match=reason) as caught:
        enterprise_register(**form(password=password))
    assert caught.value.field == "password"
    assert counts() == before


@pytest.mark.parametrize(
    ("field", "mobile"),
    [
        ("lead_mobile", "1388812000"),
        ("lead_mobile", "23888120001"),
        ("handler_mobile", "138881200012"),
        ("handler_mobile", "1388812000a"),
        ("handler_mobile", "12888120001"),
    ],
    ids=["ten-digits", "not-starting-with-1", "twelve-digits", "letter", "second-digit-2"],
)
def test_a_bad_mobile_is_refused(fast_passwords, field, mobile):
    before = counts()
    with pytest.raises(DomainError, match="11位") as caught:
        enterprise_register(**form(**{field: mobile}))
    assert caught.value.field == field
    assert counts() == before


def test_a_mobile_written_with_spaces_or_dashes_is_normalised(fast_passwords):
    user = enterprise_register(**form(lead_mobile="138-8812 0001"))
    assert user.enterprise.contacts.get(role="lead").mobile == "13888120001"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", " ", "单位名称"),
        ("address", "", "单位地址"),
        ("legal_representative", "", "法定代表人"),
        ("lead_name", "", "项目负责人姓名"),
        ("email", "not-an-email", "邮箱"),
        ("username", "有空格 的账号", "登录账号"),
    ],
)
def test_missing_or_malformed_fields_are_refused_by_name(fast_passwords, field, value, message):
    with pytest.raises(DomainError, match=message) as caught:
        enterprise_register(**form(**{field: value}))
    assert caught.value.field == field
    assert Enterprise.objects.count() == 0


# Contact changes (Art. 9(1)): dated, kept in history, officers told.


@pytest.fixture
def served(world):
    """The applicant's enterprise with a project served by world.officer, and a second officer taken off."""
    former = register_officer(world.center_admin, "t_former")
    project = request_in("accepted", applicant=world.applicant, admin=world.center_admin).project
    assignment_dispatch(actor=world.center_admin, project=project, lead=former)
    assignment_reassign(actor=world.center_admin, project=project, lead=world.officer, reason="调整")
    return former


def test_a_contact_change_is_dated_and_keeps_the_previous_contact(world, served):
    enterprise = world.applicant.enterprise
    since = timezone.localdate()

    new = enterprise_contact_change(
        actor=world.applicant,
        enterprise=enterprise,
        role="handler",
        name="陈志强",
        mobile="13987650002",
        since=since,
    )

    history = list(EnterpriseContact.objects.filter(enterprise=enterprise, role="handler").order_by("id"))
    assert [(c.name, c.is_current, c.until) for c in history] == [
        ("项目经办人", False, since),
        ("陈志强", True, None),
    ]
    assert new.since == since and new.recorded_by == world.applicant
    event = AuditEvent.objects.get(action="enterprise.contact_change")
    assert event.changes["diff"]["name"] == ["项目经办人", "陈志强"]


def test_a_contact_change_notifies_the_officers_currently_assigned_to_the_enterprises_projects(world, served):
    enterprise_contact_change(
        actor=world.applicant,
        enterprise=world.applicant.enterprise,
        role="lead",
        name="沈晓兰",
        mobile="13987650001",
    )
    told = Notification.objects.filter(kind="contact.changed")
    assert list(told.values_list("recipient_id", flat=True)) == [
        world.officer.user_id
    ]  # not the officer taken off
    assert "沈晓兰" in told.get().body and "项目负责人" in told.get().body


def test_the_centre_may_record_a_contact_change_for_an_enterprise(world):
    contact = enterprise_contact_change(
        actor=world.center_admin,
        enterprise=world.applicant.enterprise,
        role="lead",
        name="新负责人",
        mobile="13700000009",
    )
    assert contact.is_current


@pytest.mark.parametrize(
    ("persona", "error"),
    [("other_applicant", NotFound), ("guide", NotFound), ("supervisor", PermissionDenied)],
)
def test_others_may_not_change_an_enterprises_contacts(world, persona, error):
    before = EnterpriseContact.objects.count()
    with pytest.raises(error):
        enterprise_contact_change(
            actor=world.persona(persona),
            enterprise=world.applicant.enterprise,
            role="lead",
            name="冒名",
            mobile="13700000009",
        )
    assert EnterpriseContact.objects.count() == before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"role": "boss"}, "role", "角色无效"),
        ({"mobile": "12345"}, "mobile", "11位"),
        ({"since": timezone.localdate() + dt.timedelta(days=1)}, "since", "不能晚于今天"),
        ({"since": dt.date(2000, 1, 1)}, "since", "不能早于"),
        ({"name": "项目经办人", "mobile": "13900000001"}, "name", "没有变化"),
        ({"email": "bad@"}, "email", "邮箱"),
    ],
    ids=["unknown-role", "bad-mobile", "future-date", "before-current", "no-change", "bad-email"],
)
def test_a_bad_contact_change_is_refused_and_history_is_untouched(world, changes, field, message):
    enterprise = world.applicant.enterprise
    current = enterprise.contacts.get(role="handler", is_current=True)
    data = {"role": "handler", "name": "陈志强", "mobile": "13987650002", **changes}
    if data["name"] == "项目经办人":
        data["mobile"] = current.mobile
    before = list(EnterpriseContact.objects.values_list("pk", "is_current", "until"))

    with pytest.raises(DomainError, match=message) as caught:
        enterprise_contact_change(actor=world.applicant, enterprise=enterprise, **data)

    assert caught.value.field == field
    assert list(EnterpriseContact.objects.values_list("pk", "is_current", "until")) == before
