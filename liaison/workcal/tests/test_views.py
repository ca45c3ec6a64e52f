"""The calendar page: everyone signed in reads it, only center_admin changes it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.audit.middleware import ACTIVE_ROLE_SESSION_KEY
from liaison.audit.models import AuditEvent
from liaison.directory.roles import Role
from liaison.testing.personas import PASSWORD, make_user
from liaison.workcal.calendar import next_year_warning
from liaison.workcal.models import CalendarOverride, CalendarYear, DayKind
from liaison.workcal.services.overrides import calendar_override_set
from liaison.workcal.tests.helpers import NOTICE_2027, SCHEDULE_2027, d

pytestmark = pytest.mark.django_db
PAGE = "workcal:calendar"


def _login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_the_year_grid_marks_holidays_make_up_days_and_their_source(client, center_leader):
    html = _login(client, center_leader).get(reverse(PAGE), {"year": 2026}).content.decode()
    assert 'data-date="2026-10-01" data-kind="holiday" data-source="package"' in html
    assert 'data-date="2026-10-10" data-kind="makeup" data-source="package"' in html
    assert 'data-date="2026-10-11" data-kind="weekend"' in html
    assert 'data-date="2026-10-12" data-kind="workday"' in html
    assert "2026年10月" in html
    assert "国庆节" in html  # in the day's title


def test_centre_entries_are_shown_as_such(client, center_admin):
    calendar_override_set(actor=center_admin, date=d("2026-10-09"), kind=DayKind.HOLIDAY, name="临时调整")
    html = _login(client, center_admin).get(reverse(PAGE), {"year": 2026}).content.decode()
    assert 'data-date="2026-10-09" data-kind="holiday" data-source="override"' in html
    assert "临时调整" in html
    assert 'data-testid="delete-override"' in html


def test_a_year_without_any_source_is_flagged(client, center_leader):
    html = _login(client, center_leader).get(reverse(PAGE), {"year": 2030}).content.decode()
    assert 'data-testid="year-missing"' in html
    assert 'data-date="2030-03-01" data-kind="unknown" data-source="missing"' in html


def test_the_banner_follows_next_year_warning_for_today(client, center_admin):
    expected = next_year_warning(timezone.localdate())
    html = _login(client, center_admin).get(reverse(PAGE)).content.decode()
    if expected is None:
        assert 'data-testid="next-year-missing"' not in html
    else:
        assert 'data-testid="next-year-missing"' in html
        assert f"{expected}年的法定节假日安排尚未录入" in html


@pytest.mark.parametrize(
    "persona", ["center_leader", "supervisor", "officer_user", "guide_user", "applicant"]
)
def test_others_read_the_calendar_without_edit_forms(client, request, persona):
    html = _login(client, request.getfixturevalue(persona)).get(reverse(PAGE)).content.decode()
    assert 'data-testid="year-grid"' in html
    assert 'data-testid="calc-add"' in html
    assert 'data-testid="override-form"' not in html
    assert 'data-testid="import-form"' not in html


def test_a_center_admin_sees_the_edit_forms(client, center_admin):
    html = _login(client, center_admin).get(reverse(PAGE)).content.decode()
    for form in ("override-form", "import-form", "publish-form"):
        assert f'data-testid="{form}"' in html


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(reverse(PAGE))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["center_leader", "supervisor", "officer_user"])
def test_others_cannot_change_the_calendar(client, request, persona, center_admin):
    calendar_override_set(actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    _login(client, request.getfixturevalue(persona))
    posts = [
        ("workcal:override_set", {"date": "2027-02-20", "kind": "workday", "name": ""}),
        ("workcal:override_delete", {"date": "2027-01-01"}),
        ("workcal:year_import", {"year": 2027, "notice": NOTICE_2027, "text": SCHEDULE_2027}),
        ("workcal:year_publish", {"year": 2027, "notice": NOTICE_2027}),
    ]
    for name, data in posts:
        assert client.post(reverse(name), data).status_code == 403, name
    assert list(CalendarOverride.objects.values_list("date", flat=True)) == [d("2027-01-01")]
    assert not CalendarYear.objects.exists()


def test_adding_a_day_records_the_ip_and_the_acting_role(client):
    admin = make_user("dual_admin", roles=(Role.CENTER_ADMIN, Role.CENTER_LEADER), full_name="双角色")
    _login(client, admin)
    client.post(reverse("web:switch_role"), {"role": Role.CENTER_ADMIN})
    assert client.session[ACTIVE_ROLE_SESSION_KEY] == Role.CENTER_ADMIN
    response = client.post(
        reverse("workcal:override_set"),
        {"date": "2027-02-20", "kind": "workday", "name": "春节调休"},
        REMOTE_ADDR="10.8.8.8",
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?year=2027")
    assert CalendarOverride.objects.get().name == "春节调休"
    event = AuditEvent.objects.get(action="calendar_override.set")
    assert (event.ip, event.acting_role, event.source, event.actor) == (
        "10.8.8.8",
        "center_admin",
        "web",
        admin,
    )


def test_an_invalid_day_shows_the_message_and_saves_nothing(client, center_admin):
    response = _login(client, center_admin).post(
        reverse("workcal:override_set"), {"date": "2100-01-01", "kind": "holiday", "name": ""}
    )
    assert response.status_code == 400
    assert "年份应在2004至2099之间" in response.content.decode()
    assert not CalendarOverride.objects.exists()


def test_deleting_a_day(client, center_admin):
    calendar_override_set(actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    response = _login(client, center_admin).post(
        reverse("workcal:override_delete"), {"date": "2027-01-01"}, follow=True
    )
    assert "已删除 2027-01-01 的节假日调整" in response.content.decode()
    assert not CalendarOverride.objects.exists()
    again = client.post(reverse("workcal:override_delete"), {"date": "2027-01-01"}, follow=True)
    assert "2027-01-01 没有节假日调整" in again.content.decode()


def test_entering_next_year_from_the_pasted_notice(client, center_admin):
    response = _login(client, center_admin).post(
        reverse("workcal:year_import"),
        {"year": 2027, "notice": NOTICE_2027, "text": SCHEDULE_2027},
        follow=True,
    )
    html = response.content.decode()
    assert "2027年节假日安排已录入" in html
    assert CalendarYear.objects.get().notice == NOTICE_2027
    assert CalendarOverride.objects.filter(date__year=2027).count() == 29
    assert 'data-date="2027-01-31" data-kind="makeup" data-source="override"' in html
    assert 'data-date="2027-03-01" data-kind="workday" data-source="entered"' in html


def test_a_bad_paste_lists_errors_by_line_keeps_the_text_and_saves_nothing(client, center_admin):
    text = "2027-01-01 元旦 休\n2027-13-01 坏 休\n2027-01-02 元旦"
    response = _login(client, center_admin).post(
        reverse("workcal:year_import"), {"year": 2027, "notice": NOTICE_2027, "text": text}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "第2行" in html
    assert "第3行" in html
    assert "2027-13-01 坏 休" in html  # the paste is kept for correcting
    assert not CalendarOverride.objects.exists()
    assert not CalendarYear.objects.exists()


def test_a_paste_with_days_of_another_year_is_refused(client, center_admin):
    response = _login(client, center_admin).post(
        reverse("workcal:year_import"), {"year": 2027, "notice": NOTICE_2027, "text": "2028-01-01 元旦 休"}
    )
    assert response.status_code == 400
    assert "2028-01-01 不在2027年内" in response.content.decode()
    assert not CalendarOverride.objects.exists()


def test_publishing_a_year_day_by_day(client, center_admin):
    _login(client, center_admin)
    refused = client.post(reverse("workcal:year_publish"), {"year": 2027, "notice": NOTICE_2027})
    assert refused.status_code == 400
    assert "2027年还没有录入任何法定节假日" in refused.content.decode()
    calendar_override_set(actor=center_admin, date=d("2027-01-01"), kind=DayKind.HOLIDAY, name="元旦")
    ok = client.post(reverse("workcal:year_publish"), {"year": 2027, "notice": NOTICE_2027})
    assert ok.status_code == 302
    assert CalendarYear.objects.filter(year=2027).exists()


def test_the_calculator_counts_working_days(client, officer_user):
    _login(client, officer_user)
    html = client.get(
        reverse(PAGE), {"calc": "add", "add-start": "2026-09-30", "add-n": "5"}
    ).content.decode()
    assert 'data-testid="add-result"' in html
    assert "2026-10-13" in html
    html = client.get(
        reverse(PAGE), {"calc": "between", "btw-start": "2026-09-30", "btw-end": "2026-10-13"}
    ).content.decode()
    assert 'data-testid="between-result"' in html
    assert "<strong>5</strong>" in html


def test_the_calculator_explains_a_missing_year(client, officer_user):
    _login(client, officer_user)
    html = client.get(
        reverse(PAGE), {"calc": "add", "add-start": "2026-12-28", "add-n": "10"}
    ).content.decode()
    assert 'data-testid="calc-error"' in html
    assert "2027年的节假日安排尚未录入工作日历" in html


def test_the_calculator_rejects_bad_input_with_a_message(client, officer_user):
    _login(client, officer_user)
    html = client.get(
        reverse(PAGE), {"calc": "add", "add-start": "2026-09-30", "add-n": "-1"}
    ).content.decode()
    assert "工作日数" in html
    assert 'data-testid="add-result"' not in html
