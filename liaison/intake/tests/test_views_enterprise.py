"""Self-registration, the enterprise's profile and contacts, and the centre's Art. 8 settings pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.directory.models import Enterprise, User
from liaison.intake.models import EligibilityThreshold, EnterpriseContact, ExchangeRate
from liaison.intake.tests.test_views_support import (
    add_usd_rate,
    logged_in,
    make_dispatched,
    make_officer,
    register_applicant,
    uscc,
)
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "name": "云南五华测试置业有限公司",
    "uscc": uscc(42),
    "address": "昆明市五华区东风西路1号",
    "legal_representative": "赵立",
    "lead_name": "周海明",
    "lead_mobile": "13888120001",
    "handler_name": "王丽娟",
    "handler_mobile": "13888120002",
    "username": "applicant1",
    "email": "ent@example.com",
    "password": "Wuhua-Liaison-2026!",
    "password2": "Wuhua-Liaison-2026!",
}


def test_login_page_links_to_the_public_registration(client):
    html = client.get(reverse("login")).content.decode()
    assert reverse("intake:register") in html
    assert client.get(reverse("intake:register")).status_code == 200


def test_an_enterprise_registers_and_is_signed_in(client):
    response = client.post(reverse("intake:register"), REGISTRATION)
    assert response["Location"] == reverse("intake:project_create")
    user = User.objects.get(username="applicant1")
    assert user.has_role("applicant")
    assert Enterprise.objects.get(pk=user.enterprise_id).uscc == REGISTRATION["uscc"]
    assert EnterpriseContact.objects.filter(enterprise_id=user.enterprise_id, is_current=True).count() == 2
    assert client.get(reverse("intake:project_create")).status_code == 200


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"uscc": uscc(42)[:-1] + ("0" if uscc(42)[-1] != "0" else "1")}, "校验位不正确"),
        ({"uscc": "91530102MA6K0000"}, "统一社会信用代码应为18位"),
        ({"lead_mobile": "12345"}, "手机号码应为11位"),
        ({"password2": "different-Passw0rd"}, "两次输入的密码不一致"),
        ({"password": "123", "password2": "123"}, "密码"),
        ({"email": "not-an-email"}, "电子邮箱格式不正确"),
        ({"legal_representative": ""}, "请填写法定代表人"),
        ({"username": "有 空格"}, "登录账号只能包含"),
    ],
)
def test_bad_registration_shows_a_message_and_creates_nothing(client, changes, message):
    response = client.post(reverse("intake:register"), {**REGISTRATION, **changes})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="applicant1").exists()
    assert not Enterprise.objects.exists()


def test_a_code_starting_with_a_letter_is_accepted(client):
    first17 = "N2530102000000001"
    from liaison.core.codes import uscc_check_character

    code = first17 + uscc_check_character(first17)
    response = client.post(reverse("intake:register"), {**REGISTRATION, "uscc": code})
    assert response.status_code == 302
    assert Enterprise.objects.get().uscc == code


def test_a_registered_code_or_username_cannot_register_twice(client):
    register_applicant(username="applicant1")
    response = client.post(reverse("intake:register"), REGISTRATION)
    assert "已被使用" in response.content.decode()
    assert Enterprise.objects.count() == 1


def test_applicant_sees_its_profile_and_changes_the_handler_with_history(center_admin):
    applicant = register_applicant()
    officer = make_officer(center_admin)
    make_dispatched(applicant, center_admin, officer)
    client = logged_in(applicant)
    html = client.get(reverse("intake:enterprise_profile")).content.decode()
    assert "13888120002" in html and "王丽娟" in html
    response = client.post(
        reverse("intake:enterprise_profile"),
        {
            "role": "handler",
            "name": "陈志强",
            "mobile": "13987650002",
            "since": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    html = response.content.decode()
    assert "已通知在办项目的联络官" in html
    assert "陈志强" in html and "王丽娟" in html  # new one current, the old one in history
    assert Notification.objects.filter(recipient=officer.user, kind="contact.changed").exists()


def test_a_bad_contact_change_saves_nothing():
    applicant = register_applicant()
    response = logged_in(applicant).post(
        reverse("intake:enterprise_profile"), {"role": "lead", "name": "新负责人", "mobile": "110"}
    )
    assert "手机号码应为11位" in response.content.decode()
    assert EnterpriseContact.objects.filter(name="新负责人").count() == 0


@pytest.mark.parametrize("persona", ["applicant", "officer_user", "center_admin", "guide_user"])
def test_profile_is_404_without_an_enterprise(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:enterprise_profile")).status_code == 404


def test_centre_reads_thresholds_and_adds_a_rate_audited(center_admin):
    client = logged_in(center_admin)
    html = client.get(reverse("intake:eligibility_settings")).content.decode()
    assert (
        "2,000.00 万元" in html and "500.00 万美元" in html
    )  # the thresholds, in 万 as the rules state them
    response = client.post(
        reverse("intake:rate_create"),
        {"currency": "USD", "cny_per_unit": "7.1234", "effective_date": "2026-01-02", "source": "人行中间价"},
    )
    assert response["Location"] == reverse("intake:eligibility_settings")
    rate = ExchangeRate.objects.get()
    assert rate.cny_per_unit == Decimal("7.1234") and rate.updated_by == center_admin
    assert AuditEvent.objects.filter(action="exchange_rate.create").exists()


def test_centre_edits_a_threshold(center_admin):
    threshold = EligibilityThreshold.objects.get(investment_source="domestic")
    client = logged_in(center_admin)
    assert client.get(reverse("intake:threshold_edit", args=[threshold.pk])).status_code == 200
    client.post(
        reverse("intake:threshold_edit", args=[threshold.pk]),
        {
            "investment_source": "domestic",
            "amount": "30000000",
            "currency": "CNY",
            "effective_from": threshold.effective_from.isoformat(),
            "note": "调整",
        },
    )
    threshold.refresh_from_db()
    assert threshold.amount == Decimal("30000000")
    assert AuditEvent.objects.filter(action="eligibility_threshold.update").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cny_per_unit": "-1"}, "汇率应大于0"),
        ({"cny_per_unit": "abc"}, "请输入数字"),
        ({"effective_date": "2026-13-40"}, "日期格式应为"),
        ({"currency": "CNY"}, "CNY"),
    ],
)
def test_bad_rate_input_is_refused(center_admin, data, message):
    base = {"currency": "USD", "cny_per_unit": "7.1", "effective_date": "2026-01-02"}
    response = logged_in(center_admin).post(reverse("intake:rate_create"), {**base, **data})
    assert message in response.content.decode()
    assert not ExchangeRate.objects.exists()


def test_a_second_rate_on_the_same_day_is_refused(center_admin):
    add_usd_rate(center_admin, on=dt.date(2026, 1, 2))
    response = logged_in(center_admin).post(
        reverse("intake:rate_create"),
        {"currency": "USD", "cny_per_unit": "7.2", "effective_date": "2026-01-02"},
    )
    assert "已有汇率" in response.content.decode()
    assert ExchangeRate.objects.count() == 1


def test_centre_leader_reads_settings_but_cannot_change_them(center_leader):
    client = logged_in(center_leader)
    html = client.get(reverse("intake:eligibility_settings")).content.decode()
    assert 'data-testid="rate-create"' not in html
    assert client.get(reverse("intake:rate_create")).status_code == 404
    assert (
        client.post(
            reverse("intake:rate_create"),
            {"currency": "USD", "cny_per_unit": "7.1", "effective_date": "2026-01-02"},
        ).status_code
        == 404
    )
    assert not ExchangeRate.objects.exists()


@pytest.mark.parametrize("persona", ["applicant", "officer_user", "supervisor", "guide_user"])
def test_settings_are_404_outside_the_centre(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("intake:eligibility_settings")).status_code == 404
    assert client.get(reverse("intake:threshold_create")).status_code == 404


def test_registration_is_limited_per_address(client):
    from liaison.directory.services.throttle import REGISTRATIONS, throttle_hit

    for _n in range(5):
        throttle_hit(REGISTRATIONS, ["ip:10.5.5.5"])
    form = {**REGISTRATION, "username": "blocked_applicant"}
    response = client.post(reverse("intake:register"), form, REMOTE_ADDR="10.5.5.5")
    assert response.status_code == 200 and "尝试次数过多" in response.content.decode()
    assert not User.objects.filter(username="blocked_applicant").exists()
    response = client.post(reverse("intake:register"), form, REMOTE_ADDR="10.5.5.6")
    assert response.status_code == 302 and User.objects.filter(username="blocked_applicant").exists()
