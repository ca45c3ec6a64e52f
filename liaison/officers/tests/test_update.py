"""officer_update: corrections by the centre, refused for everyone else and for bad input."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.officers.models import Officer
from liaison.officers.services.officer import officer_update
from liaison.officers.tests.conftest import table_counts

pytestmark = pytest.mark.django_db


def test_center_admin_corrects_registration_data_and_the_diff_is_audited(center_admin, other_officer):
    officer = officer_update(
        actor=center_admin,
        officer=other_officer,
        unit="区市场监管局",
        mobile="137 0000 3333",
        full_name="联络官乙（更名）",
        registered_on=datetime.date(2024, 3, 1),
        notes="调任",
    )

    fresh = Officer.objects.select_related("user").get(pk=officer.pk)
    assert fresh.unit == "区市场监管局"
    assert fresh.user.mobile == "13700003333"
    assert fresh.user.full_name == "联络官乙（更名）"
    assert fresh.registered_on == datetime.date(2024, 3, 1)
    diff = AuditEvent.objects.get(action="officer.update").changes["diff"]
    assert diff["unit"] == ["区住建局", "区市场监管局"]
    assert diff["mobile"] == ["13700002222", "13700003333"]
    assert set(diff) == {"unit", "mobile", "full_name", "registered_on", "notes"}


def test_saving_unchanged_data_writes_no_audit_event(center_admin, other_officer):
    before = table_counts()

    officer_update(actor=center_admin, officer=other_officer, unit=other_officer.unit)

    assert table_counts() == before


def test_the_number_may_be_corrected_but_not_to_one_in_use(center_admin, officer, other_officer):
    officer_update(actor=center_admin, officer=other_officer, number="wh-2026-9")
    assert Officer.objects.get(pk=other_officer.pk).number == "WH-2026-9"

    with pytest.raises(DomainError) as exc:
        officer_update(actor=center_admin, officer=other_officer, number=officer.number)
    assert exc.value.field == "number"
    assert Officer.objects.get(pk=other_officer.pk).number == "WH-2026-9"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"mobile": "12345"}, "mobile", "手机号码"),
        ({"unit": ""}, "unit", "请填写工作单位"),
        ({"full_name": ""}, "full_name", "请填写姓名"),
        ({"email": "x@"}, "email", "电子邮箱"),
        ({"registered_on": None}, "registered_on", "请填写登记备案日期"),
        (
            {"registered_on": timezone.localdate() + datetime.timedelta(days=3)},
            "registered_on",
            "不能晚于今天",
        ),
        ({"status": "suspended"}, "status", "暂停派任"),
        ({"user": 1}, "user", "不能修改"),
    ],
)
def test_bad_corrections_are_refused_and_nothing_saved(center_admin, other_officer, fields, field, message):
    before = table_counts()

    with pytest.raises(DomainError, match=message) as exc:
        officer_update(actor=center_admin, officer=other_officer, **{"notes": "新备注", **fields})

    assert exc.value.field == field
    assert table_counts() == before
    assert Officer.objects.get(pk=other_officer.pk).notes == ""


def test_a_mobile_of_another_officer_is_refused(center_admin, officer, other_officer):
    with pytest.raises(DomainError, match=officer.number):
        officer_update(actor=center_admin, officer=other_officer, mobile=officer.user.mobile)


@pytest.mark.parametrize(
    ("persona", "error"),
    [
        ("center_leader", PermissionDenied),
        ("supervisor", PermissionDenied),
        ("guide_user", NotFound),
        ("applicant", NotFound),
        ("dept_admin", NotFound),
    ],
)
def test_only_the_center_admin_may_edit(request, other_officer, persona, error):
    actor = request.getfixturevalue(persona)
    before = table_counts()

    with pytest.raises(error):
        officer_update(actor=actor, officer=other_officer, unit="越权修改")

    assert table_counts() == before


def test_an_officer_may_not_edit_their_own_record_nor_anothers(officer, other_officer):
    with pytest.raises(PermissionDenied):
        officer_update(actor=officer.user, officer=officer, unit="自改单位")
    with pytest.raises(NotFound):
        officer_update(actor=officer.user, officer=other_officer, unit="越权")
    assert Officer.objects.get(pk=officer.pk).unit == "区投资促进局"
