"""Keeping the calendar: only center_admin writes, every write is audited, bad input saves nothing."""

from __future__ import annotations

import pytest

from liaison.audit.actions import action_label
from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.workcal.models import CalendarOverride, CalendarYear, DayKind
from liaison.workcal.schedule_text import parse_schedule_text
from liaison.workcal.services.overrides import (
    calendar_override_delete,
    calendar_override_set,
    calendar_year_import,
    calendar_year_publish,
)
from liaison.workcal.tests.helpers import NOTICE_2027, SCHEDULE_2027, d

pytestmark = pytest.mark.django_db


def _nothing_written() -> bool:
    return not (
        CalendarOverride.objects.exists() or CalendarYear.objects.exists() or AuditEvent.objects.exists()
    )


def test_setting_a_day_is_saved_and_audited(center_admin):
    override = calendar_override_set(
        actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name=" 元旦 "
    )
    assert (override.kind, override.name, override.updated_by) == ("holiday", "元旦", center_admin)
    event = AuditEvent.objects.get()
    assert event.action == "calendar_override.set"
    assert event.object_id == "2027-01-01"
    assert event.changes["diff"] == {
        "date": [None, "2027-01-01"],
        "kind": [None, "holiday"],
        "name": [None, "元旦"],
    }


def test_setting_the_same_day_again_replaces_it_and_records_the_change(center_admin):
    calendar_override_set(actor=center_admin, date=d("2027-02-20"), kind=DayKind.HOLIDAY, name="")
    calendar_override_set(actor=center_admin, date=d("2027-02-20"), kind=DayKind.WORKDAY, name="春节调休")
    assert CalendarOverride.objects.get().kind == DayKind.WORKDAY
    last = AuditEvent.objects.order_by("-seq").first()
    assert last.changes["diff"] == {"kind": ["holiday", "workday"], "name": ["", "春节调休"]}


@pytest.mark.parametrize(
    "persona", ["center_leader", "supervisor", "officer_user", "dept_admin", "applicant"]
)
def test_only_center_admins_write_the_calendar(request, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied, match="只有中心管理员"):
        calendar_override_set(actor=user, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    with pytest.raises(PermissionDenied):
        calendar_year_publish(actor=user, year=2027, notice=NOTICE_2027)
    with pytest.raises(PermissionDenied):
        calendar_year_import(
            actor=user, year=2027, notice=NOTICE_2027, holidays=[(d("2027-01-01"), "")], workdays=[]
        )
    assert _nothing_written()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": d("2027-01-01"), "kind": "weekend", "name": ""}, "类型应为"),
        ({"date": d("2027-01-01"), "kind": DayKind.HOLIDAY, "name": "长" * 61}, "不能超过60个字符"),
        ({"date": d("2100-01-01"), "kind": DayKind.HOLIDAY, "name": ""}, "年份应在2004至2099之间"),
    ],
)
def test_bad_input_for_one_day_is_refused_with_a_message(center_admin, kwargs, message):
    with pytest.raises(DomainError, match=message):
        calendar_override_set(actor=center_admin, **kwargs)
    assert _nothing_written()


def test_deleting_a_day_is_audited_and_a_missing_day_is_not_found(center_admin):
    calendar_override_set(actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    calendar_override_delete(actor=center_admin, date=d("2027-01-01"))
    assert not CalendarOverride.objects.exists()
    event = AuditEvent.objects.order_by("-seq").first()
    assert event.action == "calendar_override.delete"
    assert event.changes["diff"]["kind"] == ["holiday", None]
    with pytest.raises(NotFound, match="2027-01-01 没有节假日调整"):
        calendar_override_delete(actor=center_admin, date=d("2027-01-01"))


def test_deleting_needs_a_center_admin(center_admin, center_leader):
    calendar_override_set(actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    with pytest.raises(PermissionDenied):
        calendar_override_delete(actor=center_leader, date=d("2027-01-01"))
    assert CalendarOverride.objects.count() == 1


def test_publishing_a_year_needs_its_holidays_and_a_notice(center_admin):
    with pytest.raises(DomainError, match="请填写依据的国务院办公厅通知"):
        calendar_year_publish(actor=center_admin, year=2027, notice="  ")
    with pytest.raises(DomainError, match="2027年还没有录入任何法定节假日"):
        calendar_year_publish(actor=center_admin, year=2027, notice=NOTICE_2027)
    assert _nothing_written()
    calendar_override_set(actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    entry = calendar_year_publish(actor=center_admin, year=2027, notice=NOTICE_2027)
    assert (entry.year, entry.notice, entry.published_by) == (2027, NOTICE_2027, center_admin)
    event = AuditEvent.objects.order_by("-seq").first()
    assert (event.action, event.object_id) == ("calendar_year.publish", "2027")
    calendar_year_publish(actor=center_admin, year=2027, notice="更正后的通知")
    assert CalendarYear.objects.get().notice == "更正后的通知"
    assert AuditEvent.objects.order_by("-seq").first().changes["diff"] == {
        "notice": [NOTICE_2027, "更正后的通知"]
    }


def test_importing_a_year_replaces_its_entries_and_leaves_other_years(center_admin):
    calendar_override_set(actor=center_admin, date=d("2027-03-03"), kind=DayKind.HOLIDAY, name="误录")
    calendar_override_set(actor=center_admin, date=d("2028-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    parsed = parse_schedule_text(SCHEDULE_2027)
    entry = calendar_year_import(
        actor=center_admin, year=2027, notice=NOTICE_2027, holidays=parsed.holidays, workdays=parsed.workdays
    )
    assert entry.year == 2027
    days_2027 = CalendarOverride.objects.filter(date__year=2027)
    assert days_2027.filter(kind=DayKind.HOLIDAY).count() == len(parsed.holidays) == 25
    assert days_2027.filter(kind=DayKind.WORKDAY).count() == 4
    assert not CalendarOverride.objects.filter(date=d("2027-03-03")).exists()
    assert CalendarOverride.objects.filter(date=d("2028-01-01")).exists()
    event = AuditEvent.objects.order_by("-seq").first()
    assert event.action == "calendar_year.import"
    assert action_label(event.action) == "录入年度节假日安排"  # registered by WorkcalConfig.ready
    assert event.changes["extra"]["removed"] == ["2027-03-03"]
    assert "2027-01-31 春节调休" in event.changes["extra"]["workdays"]
    assert "休息日25天" in event.summary


def test_an_invalid_year_import_names_every_problem_and_saves_nothing(center_admin):
    holidays = [
        (d("2027-01-01"), "元旦"),
        (d("2026-12-31"), "跨年"),
        (d("2027-01-01"), "重复"),
        (d("2027-10-09"), ""),
    ]
    workdays = [(d("2027-10-09"), "国庆调休")]
    with pytest.raises(DomainError) as caught:
        calendar_year_import(
            actor=center_admin, year=2027, notice=NOTICE_2027, holidays=holidays, workdays=workdays
        )
    errors = caught.value.details
    assert "2026-12-31 不在2027年内。" in errors
    assert "2027-01-01 在休息日中重复。" in errors
    assert "2027-10-09 不能同时是休息日和上班日。" in errors
    assert _nothing_written()


def test_a_year_import_without_holidays_is_refused(center_admin):
    with pytest.raises(DomainError, match="请至少录入一个法定节假日"):
        calendar_year_import(
            actor=center_admin, year=2027, notice=NOTICE_2027, holidays=[], workdays=[(d("2027-02-20"), "")]
        )
    assert _nothing_written()
