"""The meetings' actions (督办事项): the centre assigns who does what by when; the person responsible
(or the centre) records it done; others cannot; reminders once per threshold; the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.coordination.deadlines import action_context, deadline_context
from liaison.coordination.models import MeetingAction
from liaison.coordination.services.actions import action_assign, action_complete, action_reminders_run
from liaison.coordination.services.difficulties import difficulty_raise
from liaison.coordination.services.meetings import meeting_prepare
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.notifications.models import Notification
from liaison.testing.reminders import crossings

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(case):
    difficulty_raise(
        actor=case.world.officer_user,
        project=case.project,
        title="供水接入点不一致",
        description="说明",
        analysis="分析",
        proposal="建议",
    )
    return meeting_prepare(actor=case.world.center_admin, held_on=timezone.localdate())


def _assign(case, meeting, **kw):
    values = {
        "description": "联络官会同供水公司现场核对接入点",
        "owner": case.world.officer_user,
        "due_on": timezone.localdate() + dt.timedelta(days=7),
        **kw,
    }
    return action_assign(actor=case.world.center_admin, meeting=meeting, **values)


def test_the_centre_assigns_and_the_owner_records_it_done(case, meeting):
    w = case.world
    topic = meeting.topics.get()
    action = _assign(case, meeting, difficulty_id=topic.difficulty_id)
    assert Notification.objects.filter(kind="meeting.action", recipient=w.officer_user).exists()
    with pytest.raises(PermissionDenied):
        action_complete(actor=w.center_leader, action=action, note="代为登记")
    with pytest.raises(NotFound):
        action_complete(actor=w.guide, action=action, note="不是我的")
    with pytest.raises(DomainError) as refused:
        action_complete(actor=w.officer_user, action=action, note=" ")
    assert refused.value.field == "note"
    done = action_complete(actor=w.officer_user, action=action, note="已现场核对，接入点调整至红线内。")
    assert (done.state, done.done_by) == ("done", w.officer_user)
    assert Notification.objects.filter(kind="meeting.action_done", recipient=w.center_admin).exists()
    with pytest.raises(DomainError):
        action_complete(actor=w.center_admin, action=done, note="再登记")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"description": " "}, "description"),
        ({"owner": None}, "owner"),
        ({"due_on": None}, "due_on"),
        ({"due_on": dt.date(2020, 1, 6)}, "due_on"),
        ({"difficulty_id": 999999}, "difficulty"),
    ],
)
def test_bad_assignments_are_refused_on_their_field(case, meeting, overrides, field):
    with pytest.raises(DomainError) as refused:
        _assign(case, meeting, **overrides)
    assert refused.value.field == field
    assert not MeetingAction.objects.exists()


def test_an_enterprise_account_cannot_be_made_responsible_and_only_the_centre_assigns(case, meeting):
    with pytest.raises(DomainError) as refused:
        _assign(case, meeting, owner=case.world.applicant)
    assert refused.value.field == "owner"
    with pytest.raises(PermissionDenied):
        action_assign(
            actor=case.world.officer_user,
            meeting=meeting,
            description="x",
            owner=case.world.officer_user,
            due_on=timezone.localdate(),
        )


def test_reminders_once_when_near_and_once_when_late(case, meeting):
    action = _assign(case, meeting)
    MeetingAction.objects.filter(pk=action.pk).update(due_on=dt.date(2026, 10, 13))
    assert action_reminders_run(deadline_context(dt.date(2026, 10, 12))) == 1
    assert action_reminders_run(deadline_context(dt.date(2026, 10, 12))) == 0
    assert action_reminders_run(deadline_context(dt.date(2026, 10, 14))) == 1
    assert [c[1] for c in crossings("coordination.action")] == ["yellow", "red"]
    told = Notification.objects.filter(kind="meeting.action_reminder.red").values_list(
        "recipient_id", flat=True
    )
    assert list(told) == [case.world.officer_user.pk]


def test_overdue_actions_are_reminded_again_every_n_working_days(case, meeting):
    action = _assign(case, meeting)
    MeetingAction.objects.filter(pk=action.pk).update(due_on=dt.date(2026, 9, 29))
    days = [dt.date(2026, 9, 30), dt.date(2026, 10, 8), dt.date(2026, 10, 9), dt.date(2026, 10, 12)]
    # 1, 2, 3 (9 Oct) and 5 (12 Oct, after the make-up Saturday) working days late; repeat every 3 (default)
    assert [action_reminders_run(action_context(day)) for day in days] == [1, 0, 1, 0]
    assert [(c[1], c[3]) for c in crossings("coordination.action")] == [("red", 0), ("overdue", 1)]
    keys = Notification.objects.filter(kind="meeting.action_reminder.red").values_list("event_key", flat=True)
    assert sorted(keys) == [
        f"meeting-action-reminder:{action.pk}:red:2026-09-29",
        f"meeting-action-reminder:{action.pk}:red:2026-09-29:1",
    ]


def test_the_pages(client, case, meeting):
    w = case.world
    client.force_login(w.center_admin)
    page = client.get(reverse("coordination:meeting", args=[meeting.pk])).content.decode()
    assert 'data-testid="action-form"' in page
    bad = client.post(
        reverse("coordination:action_assign", args=[meeting.pk]),
        {"description": "", "owner": ""},
        follow=True,
    )
    assert "请填写督办事项。" in bad.content.decode() and not MeetingAction.objects.exists()
    client.post(
        reverse("coordination:action_assign", args=[meeting.pk]),
        {
            "description": "联络官会同供水公司现场核对",
            "owner": str(w.guide.pk),
            "due_on": (timezone.localdate() + dt.timedelta(days=5)).isoformat(),
        },
    )
    action = MeetingAction.objects.get()
    assert action.owner == w.guide

    client.force_login(w.guide)  # a guide reads no meetings, but sees and completes their own action
    mine = client.get(reverse("coordination:actions")).content.decode()
    assert "联络官会同供水公司现场核对" in mine and f'data-testid="action-done-{action.pk}"' in mine
    assert client.get(reverse("coordination:meeting", args=[meeting.pk])).status_code == 404
    client.post(reverse("coordination:action_done", args=[action.pk]), {"note": "已核对"})
    assert MeetingAction.objects.get().state == "done"

    client.force_login(w.officer_user)  # reads the meeting and its actions, may not complete others'
    page = client.get(reverse("coordination:actions") + "?show=all").content.decode()
    assert "已核对" in page and f'data-testid="action-done-{action.pk}"' not in page
    client.force_login(w.applicant)
    assert client.get(reverse("coordination:actions")).status_code == 404
    assert (
        client.post(reverse("coordination:action_done", args=[action.pk]), {"note": "x"}).status_code == 404
    )


def test_the_actions_api(client, case, meeting):
    w = case.world
    client.force_login(w.center_admin)
    url = f"/api/v1/coordination/meetings/{meeting.pk}/actions"
    due = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    bad = client.post(
        url, {"description": "核对", "owner": w.applicant.pk, "due_on": due}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad.json()["field"] == "owner"
    made = client.post(
        url, {"description": "核对", "owner": w.guide.pk, "due_on": due}, content_type="application/json"
    )
    assert made.status_code == 201 and made.json()["owner"] == w.guide.display_name
    pk = made.json()["id"]
    client.force_login(w.officer_user)
    assert (
        client.post(
            f"/api/v1/coordination/actions/{pk}/done", {"note": "x"}, content_type="application/json"
        ).status_code
        == 403
    )
    assert client.get("/api/v1/coordination/actions?show=bogus").status_code == 400
    client.force_login(w.guide)
    assert [a["id"] for a in client.get("/api/v1/coordination/actions").json()["items"]] == [pk]
    done = client.post(
        f"/api/v1/coordination/actions/{pk}/done", {"note": "已核对"}, content_type="application/json"
    )
    assert done.status_code == 200 and done.json()["state"] == "done"
    assert client.get("/api/v1/coordination/actions").json()["items"] == []  # nothing open
    client.force_login(w.applicant)
    assert client.get("/api/v1/coordination/actions").status_code == 404
    assert (
        client.post(
            f"/api/v1/coordination/actions/{pk}/done", {"note": "x"}, content_type="application/json"
        ).status_code
        == 404
    )


def test_the_centre_is_reminded_when_the_person_responsible_has_left(case, meeting):
    action = _assign(case, meeting)
    MeetingAction.objects.filter(pk=action.pk).update(due_on=dt.date(2026, 10, 13))
    type(case.world.officer_user).objects.filter(pk=case.world.officer_user.pk).update(is_active=False)
    assert action_reminders_run(deadline_context(dt.date(2026, 10, 14))) == 1
    told = Notification.objects.filter(kind="meeting.action_reminder.red").values_list(
        "recipient_id", flat=True
    )
    assert list(told) == [case.world.center_admin.pk]
