"""Reminders once per threshold crossing (yellow, red, every N working days overdue), obligations, 催办."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.deadlines.models import ReminderSent
from liaison.notifications.models import Notification
from liaison.notifications.tasks import send_notification_email
from liaison.testing.reminders import crossings
from liaison.tracking.models import EnterpriseObligation, ProjectItem, ReminderLog
from liaison.tracking.services.obligations import obligation_create
from liaison.tracking.services.reminders import project_item_urge, reminders_run
from liaison.tracking.services.reschedule import plan_item_reschedule
from liaison.tracking.services.settings import tracking_settings_update
from liaison.tracking.tasks import tracking_reminders_run
from liaison.tracking.tests.builders import dispatched_project, draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
D = dt.date
MONDAY = D(2026, 9, 28)


@pytest.fixture
def plan(track):
    return draft(track.world, track.project, START)


def logged(project=None):
    codes = dict(ProjectItem.objects.values_list("pk", "approval_item__code"))
    return [(codes[pk], threshold, seq) for pk, threshold, _due, seq in crossings("tracking.item")]


def test_yellow_and_red_are_each_sent_once_however_often_the_job_runs(track, plan):
    first = reminders_run(today=MONDAY)
    again = reminders_run(today=MONDAY)
    reminders_run(today=D(2026, 9, 29))

    assert (first.sent, again.sent, again.already_sent) == (2, 0, 2)
    assert logged() == [("A", "yellow", 0), ("E", "red", 0)]
    notes = Notification.objects.filter(kind__startswith="reminder.").order_by("id")
    assert [(n.kind, n.recipient.username) for n in notes] == [
        ("reminder.yellow", track.world.officer_user.username),
        ("reminder.red", track.world.officer_user.username),
    ]
    assert "剩余 1 个工作日" in notes[0].body


def test_overdue_items_are_reminded_again_every_n_working_days(track, plan):
    for day in (MONDAY, D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 9), D(2026, 10, 10)):
        reminders_run(today=day)
    e = [(kind, seq) for code, kind, seq in logged() if code == "E"]
    # 24 Sept due; late 1 on 28 Sept, 3 on 30 Sept, 6 on 10 Oct (the make-up Saturday counts)
    assert e == [("red", 0), ("overdue", 1), ("overdue", 2)]
    late = Notification.objects.filter(kind="reminder.overdue").order_by("id").last()
    assert "已超期 6 个工作日" in late.title


def test_the_repeat_interval_is_the_centres_setting(track, plan):
    tracking_settings_update(
        actor=track.world.center_admin,
        yellow_threshold_days=3,
        overdue_repeat_days=1,
        obligation_default_days=5,
    )
    reminders_run(today=MONDAY)
    reminders_run(today=D(2026, 9, 29))
    assert [(kind, seq) for code, kind, seq in logged() if code == "E"] == [("overdue", 1), ("overdue", 2)]


def test_the_guide_is_reminded_once_the_item_is_with_the_department(track, plan):
    track.driver.to(item_of(track.project, "E"), "submitted")  # E's guide is the second guide
    reminders_run(today=MONDAY)
    told = set(Notification.objects.filter(kind="reminder.red").values_list("recipient__username", flat=True))
    assert told == {track.world.officer_user.username, "t_guide2"}


def test_a_new_due_date_is_a_new_crossing(track, plan):
    reminders_run(today=MONDAY)
    plan_item_reschedule(
        actor=track.world.officer_user,
        project_item=item_of(track.project, "A"),
        planned_start=D(2026, 9, 23),
        confirm=True,
    )  # due 8 October now (the yellow limit itself): still yellow, but against another date
    run = reminders_run(today=MONDAY)
    assert run.sent == 1
    assert [r for r in logged() if r[0] == "A"] == [("A", "yellow", 0), ("A", "yellow", 0)]
    a = item_of(track.project, "A")
    assert {due for _pk, _t, due, _seq in crossings("tracking.item", [a.pk])} == {
        D(2026, 9, 29),
        D(2026, 10, 8),
    }


def test_the_log_row_is_the_gate_a_second_identical_reminder_cannot_be_recorded(track, plan):
    a = item_of(track.project, "A")
    gate = {"kind": "tracking.item", "subject_id": a.pk, "due_on": a.due_on, "threshold": "yellow"}
    ReminderSent.objects.create(**gate, repeat_no=0, recipient=track.world.officer_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderSent.objects.create(**gate, repeat_no=0, recipient=track.world.officer_user)
    assert reminders_run(today=MONDAY).sent == 1  # only E: A's yellow counts as sent


def test_the_enterprise_is_reminded_of_its_obligations_once_when_near_and_once_when_late(track, plan):
    w = track.world
    today = timezone.localdate()
    obligation_create(
        actor=w.officer_user,
        project=track.project,
        kind="fee",
        title="缴纳防空地下室易地建设费",
        due_on=today,
    )
    reminders_run(today=today)
    reminders_run(today=today)
    reminders_run(today=today + dt.timedelta(days=1))
    kinds = [threshold for _pk, threshold, _due, _seq in crossings("tracking.obligation")]
    assert kinds == ["yellow", "red"]
    told = Notification.objects.filter(kind="obligation.red").values_list("recipient__username", flat=True)
    assert set(told) == {w.applicant.username, w.officer_user.username}


def test_an_overdue_obligation_is_reminded_again_every_n_working_days(track, plan):
    made = obligation_create(
        actor=track.world.officer_user,
        project=track.project,
        kind="attendance",
        title="法定代表人到场签字",
        due_on=timezone.localdate(),
    )
    EnterpriseObligation.objects.filter(pk=made.pk).update(due_on=D(2026, 9, 24))  # set in September
    # late 2 on 28 Sept (red), 3 on 29 Sept, 4 on 30 Sept, 6 on 10 Oct (the make-up Saturday counts)
    for day in (MONDAY, D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 5), D(2026, 10, 10), D(2026, 10, 10)):
        reminders_run(today=day)
    rows = [(threshold, seq) for _pk, threshold, _due, seq in crossings("tracking.obligation")]
    assert list(rows) == [("red", 0), ("overdue", 1), ("overdue", 2)]
    last = Notification.objects.filter(kind="obligation.overdue").order_by("id").last()
    assert "已超期 6 个工作日" in last.title
    assert Notification.objects.filter(kind="obligation.overdue").count() == 2 * 2  # enterprise + officer


def test_the_centre_urges_an_item_by_hand_and_the_officer_and_guide_are_told(track, plan):
    w = track.world
    a = item_of(track.project, "A")
    track.driver.to(a, "submitted")
    log = project_item_urge(actor=w.center_admin, project_item=a, comment="请本周内受理")
    second = project_item_urge(actor=w.center_admin, project_item=a)

    assert (log.kind, log.sequence, log.sent_by, log.recipients) == ("urge", 1, w.center_admin, 2)
    assert second.sequence == 2
    told = set(
        Notification.objects.filter(kind="reminder.urge").values_list("recipient__username", flat=True)
    )
    assert told == {w.officer_user.username, w.guide.username}
    assert "请本周内受理" in Notification.objects.filter(kind="reminder.urge").order_by("id").first().body
    assert AuditEvent.objects.filter(action="project_item.urge").count() == 2


def test_only_the_centre_urges_and_only_open_items(track, plan, second_guide):
    w = track.world
    a = item_of(track.project, "A")
    for actor in (w.officer_user, w.supervisor, w.applicant, w.center_leader):
        with pytest.raises(PermissionDenied):
            project_item_urge(actor=actor, project_item=a)
    with pytest.raises(NotFound):
        project_item_urge(actor=second_guide, project_item=a)
    track.driver.to(a, "not_needed")
    with pytest.raises(PermissionDenied):
        project_item_urge(actor=w.center_admin, project_item=a)
    assert not ReminderLog.objects.exists()


@pytest.mark.parametrize("value", [0, 31, "3", True])
def test_settings_refuse_values_out_of_range(track, value):
    with pytest.raises(DomainError, match="1 至 30") as caught:
        tracking_settings_update(
            actor=track.world.center_admin,
            yellow_threshold_days=value,
            overdue_repeat_days=3,
            obligation_default_days=5,
        )
    assert caught.value.field == "yellow_threshold_days"


def test_only_the_centre_changes_the_settings(track):
    with pytest.raises(PermissionDenied):
        tracking_settings_update(
            actor=track.world.officer_user,
            yellow_threshold_days=2,
            overdue_repeat_days=3,
            obligation_default_days=5,
        )


def test_the_background_task_runs_the_reminders(track, plan):
    result = tracking_reminders_run.call()
    assert set(result) >= {"sent", "already_sent", "obligations_sent", "calendar_problems"}
    assert result["sent"] == len(crossings("tracking.item"))


def test_the_scheduler_enqueues_the_job_for_the_worker(capsys):
    call_command("tracking_scheduler", "--once")
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "liaison.tracking.tasks.tracking_reminders_run"
    assert "Enqueued tracking_reminders_run" in capsys.readouterr().out


def test_the_scheduler_refuses_a_nonsense_interval():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="positive"):
        call_command("tracking_scheduler", "--once", "--interval", "0")


def deliver() -> None:
    """What the worker does with the queued email tasks (the worker itself closes the test's connection on
    PostgreSQL): the real task, once per queued job."""
    for job in DBTaskResult.objects.filter(task_path__endswith="send_notification_email", status="READY"):
        send_notification_email.call(*job.args_kwargs["args"])
        DBTaskResult.objects.filter(pk=job.pk).update(status="SUCCESSFUL")


def _queries(ctx) -> tuple[int, int]:
    sql = [q["sql"].lstrip().upper() for q in ctx.captured_queries]
    inserts = sum(1 for q in sql if q.startswith("INSERT"))
    return len(sql) - inserts, inserts


def test_the_officer_gets_one_digest_email_for_all_their_items_and_nothing_the_second_time(
    track, plan, django_capture_on_commit_callbacks
):
    officer = track.world.officer_user
    for n in range(2):  # three projects: an A yellow and an E red in each
        draft(track.world, dispatched_project(track.world, name=f"摘要项目{n}"), START)
    with django_capture_on_commit_callbacks(execute=True):
        first = reminders_run(today=MONDAY)
    deliver()

    assert first.sent == 6
    assert [m.to for m in mail.outbox] == [[officer.email]]  # one email, not six
    email = mail.outbox[0]
    assert email.subject == "【联络官平台】您有 3 项超期、3 项临期事项"
    red, yellow = email.body.split("临期事项（3 项）")
    assert red.startswith("超期事项（3 项）")
    items = ProjectItem.objects.filter(approval_item__code__in=["A", "E"]).select_related("project")
    for item in items:
        part = red if item.approval_item.code == "E" else yellow
        assert f"{item.project.name} · {item.approval_item.name}（{item.due_on.isoformat()} 到期" in part
        assert f"/tracking/items/{item.pk}/" in part
    in_app = Notification.objects.filter(recipient=officer, kind__regex=r"^reminder\.", in_app=True)
    assert in_app.count() == 6 and not in_app.filter(email_sent_at__isnull=False).exists()

    with django_capture_on_commit_callbacks(execute=True):
        again = reminders_run(today=MONDAY)
    deliver()
    assert (again.sent, again.already_sent) == (0, 6)
    assert len(mail.outbox) == 1 and Notification.objects.filter(in_app=False).count() == 1


def test_the_job_costs_the_same_queries_for_one_project_and_for_five(track, plan):
    with CaptureQueriesContext(connection) as one:
        assert reminders_run(today=MONDAY).sent == 2
    ReminderSent.objects.all().delete()
    Notification.objects.all().delete()
    for n in range(4):
        draft(track.world, dispatched_project(track.world, name=f"查询项目{n}"), START)
    with CaptureQueriesContext(connection) as five:
        assert reminders_run(today=MONDAY).sent == 10
    assert _queries(five)[0] == _queries(one)[0], (_queries(one), _queries(five))
    assert _queries(five)[1] == _queries(one)[1]  # a few rows: one INSERT per table on any database
