"""The audit pages: who reads them, filters, the readable diff, verification."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.audit.services.events import audit_record
from liaison.audit.tests.helpers import record

pytestmark = pytest.mark.django_db
# 三员分立: the audit administrator and the supervisors read the trail; no other business role reads its own.
READERS = ["audit_admin", "supervisor"]
OTHERS = [
    "center_admin",
    "center_leader",
    "officer_user",
    "dept_admin",
    "guide_user",
    "applicant",
    "project_office",
    "system_admin",
    "security_admin",
]


def _login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("persona", READERS)
def test_the_audit_admin_and_supervisors_read_the_trail(client, request, persona, center_admin):
    record(center_admin, n=2)
    user = request.getfixturevalue(persona)
    response = _login(client, user).get(reverse("audit:event_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "修改第1次" in html
    assert "中心管理员" in html
    assert "政务服务中心工作人员" in html  # the role as a label, not a code
    assert 'data-testid="verify-chain"' in html


@pytest.mark.parametrize("persona", OTHERS)
def test_other_roles_cannot_open_the_trail(client, request, persona, center_admin):
    (event,) = record(center_admin)
    user = request.getfixturevalue(persona)
    _login(client, user)
    assert client.get(reverse("audit:event_list")).status_code == 403
    assert client.get(reverse("audit:event_detail", args=[event.seq])).status_code == 404
    url = reverse("audit:object_history", args=[event.object_type, event.object_id])
    assert client.get(url).status_code == 404
    assert client.post(reverse("audit:verify")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("audit:event_list"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_filters_narrow_the_list(client, center_admin, supervisor, officer_user):
    record(center_admin, n=2, summary="部门电话")
    audit_record(
        actor=officer_user, action="guide_change.register", object_type="x.y", object_id=3, summary="登记变更"
    )
    _login(client, supervisor)
    url = reverse("audit:event_list")

    by_action = client.get(url, {"action": "guide_change.register"}).content.decode()
    assert "登记变更" in by_action
    assert "部门电话" not in by_action
    assert "登记指导员变更" in by_action  # the action code in words

    by_actor = client.get(url, {"actor": officer_user.pk}).content.decode()
    assert "登记变更" in by_actor
    assert "部门电话" not in by_actor

    by_role = client.get(url, {"acting_role": "officer"}).content.decode()
    assert "登记变更" in by_role
    assert "部门电话" not in by_role

    by_text = client.get(url, {"q": "部门电话"}).content.decode()
    assert "部门电话" in by_text
    assert "登记变更" not in by_text

    by_object = client.get(url, {"object_type": "x.y", "object_id": "3"}).content.decode()
    assert "登记变更" in by_object
    assert "部门电话" not in by_object


def test_date_filters_are_whole_local_days(client, center_admin, supervisor):
    (event,) = record(center_admin)
    today = event.occurred_at.astimezone().date()
    _login(client, supervisor)
    url = reverse("audit:event_list")
    assert "修改第1次" in client.get(url, {"date_from": today, "date_to": today}).content.decode()
    tomorrow = today + dt.timedelta(days=1)
    assert "修改第1次" not in client.get(url, {"date_from": tomorrow}).content.decode()


def test_a_reversed_date_range_shows_a_clear_message(client, supervisor):
    _login(client, supervisor)
    response = client.get(reverse("audit:event_list"), {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert response.status_code == 200
    assert "截止日期不能早于起始日期" in response.content.decode()


def test_an_unparsable_date_shows_a_message_not_an_error(client, supervisor):
    _login(client, supervisor)
    response = client.get(reverse("audit:event_list"), {"date_from": "2026-13-45"})
    assert response.status_code == 200
    assert "输入一个有效的日期" in response.content.decode()


def test_the_list_issues_a_constant_number_of_queries(
    client, supervisor, center_admin, officer_user, django_assert_max_num_queries
):
    _login(client, supervisor)
    record(center_admin, n=3)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("audit:event_list"))
    record(officer_user, n=20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("audit:event_list"))


def test_the_detail_page_shows_the_diff_with_field_labels_and_the_hashes(
    client, audit_admin, center_admin, department
):
    event = audit_record(
        actor=center_admin,
        action="department.update",
        obj=department,
        before={"phone": "0871-1", "is_active": True},
        after={"phone": "0871-2", "is_active": False},
        extra={"reason": "机构改革"},
    )
    html = _login(client, audit_admin).get(reverse("audit:event_detail", args=[event.seq])).content.decode()
    assert "联系电话" in html  # the model field's verbose name
    assert "0871-1" in html
    assert "0871-2" in html
    assert "启用" in html
    assert "是" in html and "否" in html
    assert "机构改革" in html
    assert event.hash in html
    assert event.prev_hash in html
    assert "修改职能部门" in html  # fallback label: verb + entity


def test_a_missing_event_is_404(client, supervisor):
    assert _login(client, supervisor).get(reverse("audit:event_detail", args=[999])).status_code == 404


def test_object_history_lists_one_records_events_oldest_first(client, supervisor, center_admin):
    record(center_admin, n=2, object_id=7)
    record(center_admin, n=1, object_id=8, summary="别的对象")
    _login(client, supervisor)
    url = reverse("audit:object_history", args=["directory.department", "7"])
    html = client.get(url).content.decode()
    assert html.index("修改第1次") < html.index("修改第2次")
    assert "别的对象" not in html
    assert "<html" in html
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    assert 'data-testid="object-history"' in fragment


def test_verify_button_reports_an_intact_chain(client, center_admin, audit_admin):
    record(center_admin, n=3)
    html = _login(client, audit_admin).post(reverse("audit:verify")).content.decode()
    assert 'data-testid="verify-ok"' in html
    assert "3" in html


def test_verify_button_reports_the_broken_link(client, supervisor, center_admin):
    from liaison.audit.tests.test_chain import _tamper

    record(center_admin, n=3)
    _tamper("UPDATE audit_auditevent SET summary = %s WHERE seq = %s", ["篡改", 2])
    html = _login(client, supervisor).post(reverse("audit:verify")).content.decode()
    assert 'data-testid="verify-broken"' in html
    assert "第 2 号事件" in html
    assert AuditEvent.objects.count() == 3  # verifying writes nothing


def test_verify_needs_post(client, supervisor):
    assert _login(client, supervisor).get(reverse("audit:verify")).status_code == 405


def test_the_audit_admin_exports_the_filtered_trail_and_the_export_is_recorded(
    client, audit_admin, center_admin
):
    import io

    from openpyxl import load_workbook

    record(center_admin, n=2, summary="部门电话")
    record(center_admin, n=1, object_id=8, summary="别的对象")
    response = _login(client, audit_admin).get(
        reverse("audit:event_list"), {"object_id": "7", "export": "xlsx"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "部门电话" in cells
    assert "别的对象" not in cells
    export = AuditEvent.objects.get(action="audit.export")
    assert export.actor == audit_admin
    assert "object_id=7" in export.changes["extra"]["filter"]


def test_supervisors_read_and_verify_but_do_not_export(client, supervisor, center_admin):
    record(center_admin)
    _login(client, supervisor)
    html = client.get(reverse("audit:event_list")).content.decode()
    assert 'data-testid="verify-chain"' in html
    assert 'data-testid="list-export"' not in html
    assert client.get(reverse("audit:event_list"), {"export": "xlsx"}).status_code == 403
    assert not AuditEvent.objects.filter(action="audit.export").exists()
