"""Closure's 待办 and the completion prompt: what waits on the enterprise, the centre and the officer, each
counted in one query; the last item in scope finishing tells the officers completion can be prepared; the
centre's periods are a setting."""

from __future__ import annotations

import pytest
from django.urls import reverse

from liaison.audit.models import AuditEvent
from liaison.closure.services.completion import service_prepare_completion
from liaison.closure.services.settings import closure_settings, closure_settings_update
from liaison.closure.services.termination import service_request_termination
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.todos import todo_count, todos_for
from liaison.notifications.models import Notification
from liaison.tracking.services.project_items import project_item_mark_not_needed
from liaison.workcal.calendar import add_working_days

pytestmark = pytest.mark.django_db
LINE = [{"name": "会议纪要"}]


def _finish(case, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project_item_mark_not_needed(
            actor=case.world.officer_user, project_item=case.item, reason="本项目无需办理"
        )


def test_the_last_item_finishing_tells_the_officer_completion_can_be_prepared(
    case, django_capture_on_commit_callbacks
):
    _finish(case, django_capture_on_commit_callbacks)
    notice = Notification.objects.get(kind="service.completion_ready")
    assert notice.recipient == case.world.officer_user and case.project.name in notice.title


def test_no_prompt_while_items_stay_open_or_when_the_centre_closes_them_itself(
    case, django_capture_on_commit_callbacks
):
    w = case.world
    with django_capture_on_commit_callbacks(execute=True):
        service_prepare_completion(
            actor=w.center_admin,
            project=case.project,
            lines=LINE,
            note="项目单位要求提前办结",
            outcomes={case.item.pk: "not_needed"},
        )
    assert not Notification.objects.filter(kind="service.completion_ready").exists()


def test_each_role_sees_what_waits_on_it_each_in_one_query(
    case, django_capture_on_commit_callbacks, django_assert_num_queries
):
    w = case.world
    _finish(case, django_capture_on_commit_callbacks)
    for count, user, expected in (
        ("closure.ready", w.officer_user, 1),
        ("closure.receipt", w.applicant, 0),
        ("closure.confirmation", w.center_admin, 0),
        ("closure.ready", case.other_officer.user, 0),
    ):
        user.role_set  # noqa: B018  (loaded by every page before its counts: the sidebar shows the user's menus)
        with django_assert_num_queries(1):
            assert todo_count(count, user) == expected
    service_prepare_completion(actor=w.officer_user, project=case.project, lines=LINE)
    with django_assert_num_queries(1):
        assert todo_count("closure.ready", w.officer_user) == 0
    with django_assert_num_queries(1):
        assert todo_count("closure.receipt", w.applicant) == 1
    service_request_termination(
        actor=w.applicant, project=case.other_project, reason="enterprise_request", note="暂缓"
    )
    assert todo_count("closure.confirmation", w.center_admin) == 1
    keys = {e.key: e for e in todos_for(w.applicant)}
    assert keys["closure.receipt"].count == 1
    assert keys["closure.receipt"].url == reverse("closure:list") + "?state=waiting_on_enterprise"
    assert {e.key for e in todos_for(w.center_admin)} >= {"closure.confirmation"}
    assert "closure.confirmation" not in {e.key for e in todos_for(w.officer_user)}


def test_the_lists_behind_the_todos_show_those_rows(client, case, django_capture_on_commit_callbacks):
    _finish(case, django_capture_on_commit_callbacks)
    client.force_login(case.world.officer_user)
    ready = client.get(reverse("closure:list"), {"state": "ready"}).content.decode()
    assert ready.count('data-testid="service-row"') == 1 and case.project.name in ready
    service_request_termination(
        actor=case.world.applicant, project=case.other_project, reason="enterprise_request", note="暂缓"
    )
    client.force_login(case.world.center_admin)
    waiting = client.get(reverse("closure:list"), {"state": "waiting_on_centre"}).content.decode()
    assert waiting.count('data-testid="service-row"') == 1 and case.other_project.name in waiting


def test_the_receipt_period_is_the_centres_setting(case):
    w = case.world
    assert (closure_settings().receipt_days, closure_settings().confirmation_days) == (5, 3)
    closure_settings_update(actor=w.center_admin, receipt_days=8, confirmation_days=2)
    assert AuditEvent.objects.filter(action="closure_settings.update").count() == 1
    project_item_mark_not_needed(actor=w.officer_user, project_item=case.item, reason="无需")
    service = service_prepare_completion(actor=w.officer_user, project=case.project, lines=LINE)
    from django.utils import timezone

    assert service.due_on == add_working_days(timezone.localdate(), 8)


@pytest.mark.parametrize("value", [0, 61, True, "5"])
def test_a_bad_period_is_refused_and_nothing_changes(case, value):
    with pytest.raises(DomainError, match="整数"):
        closure_settings_update(actor=case.world.center_admin, receipt_days=value, confirmation_days=3)
    with pytest.raises(PermissionDenied):
        closure_settings_update(actor=case.world.officer_user, receipt_days=4, confirmation_days=3)
    assert closure_settings().receipt_days == 5
    assert not AuditEvent.objects.filter(action="closure_settings.update").exists()


@pytest.mark.parametrize("persona", ["officer_user", "applicant", "supervisor", "center_leader", "guide"])
def test_only_centre_staff_find_the_settings_page_and_endpoint(client, case, persona):
    client.force_login(case.world.persona(persona))
    assert client.get(reverse("closure:settings")).status_code == 404
    assert (
        client.post(reverse("closure:settings"), {"receipt_days": 9, "confirmation_days": 9}).status_code
        == 404
    )
    assert client.get("/api/v1/closure/settings").status_code == 404
    put = client.put(
        "/api/v1/closure/settings",
        {"receipt_days": 9, "confirmation_days": 9},
        content_type="application/json",
    )
    assert put.status_code == 404 and closure_settings().receipt_days == 5


def test_the_centre_edits_the_periods_on_its_page_and_through_the_api(client, case):
    client.force_login(case.world.center_admin)
    assert client.get(reverse("closure:settings")).status_code == 200
    bad = client.post(reverse("closure:settings"), {"receipt_days": 0, "confirmation_days": 3})
    assert bad.status_code == 400 and closure_settings().receipt_days == 5
    ok = client.post(reverse("closure:settings"), {"receipt_days": 7, "confirmation_days": 4})
    assert ok.status_code == 302 and closure_settings().receipt_days == 7
    put = client.put(
        "/api/v1/closure/settings",
        {"receipt_days": 6, "confirmation_days": 10**9},
        content_type="application/json",
    )
    assert put.status_code == 422 and closure_settings().confirmation_days == 4
    put = client.put(
        "/api/v1/closure/settings",
        {"receipt_days": 6, "confirmation_days": 2},
        content_type="application/json",
    )
    assert put.json() == {"receipt_days": 6, "confirmation_days": 2}
