"""The engine's sending: the sent-once log and the notifications written in bulk, one digest email per
recipient per run (overdue first, then due soon), nothing the second time, a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from liaison.deadlines.models import ReminderSent
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, digest_subject, reminders_send
from liaison.notifications.models import Notification
from liaison.notifications.selectors.notifications import notification_list, notification_unread_count
from liaison.testing.personas import make_user

TODAY = dt.date(2026, 9, 28)  # a Monday
LATE = dt.date(2026, 9, 24)  # two working days before: red
SOON = dt.date(2026, 9, 30)  # two working days after: yellow
KIND = "test.digest"


@dataclass
class Row:
    pk: int
    due: dt.date
    people: list


def _compose(row: Row, at: Crossing) -> Reminder:
    return Reminder(
        recipients=row.people,
        message_kind=f"test.{at.threshold}",
        event_key=f"test.{at.threshold}:{row.pk}:{at.due_on}:{at.repeat_no}",
        title=f"事项 {row.pk} 提醒",
        body="请及时办理。",
        url=f"/tracking/items/{row.pk}/",
        label=f"项目{row.pk} · 事项{row.pk}",
    )


def _send(rows: list[Row]):
    return reminders_send(
        kind=KIND, subjects=rows, due_on=lambda r: r.due, today=TODAY, compose=_compose, repeat_days=3
    )


def _rows(people, red: int, yellow: int, start: int = 1) -> list[Row]:
    return [Row(start + n, LATE, people) for n in range(red)] + [
        Row(start + red + n, SOON, people) for n in range(yellow)
    ]


def _worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay")


def test_the_subject_line_counts_overdue_and_due_soon():
    assert digest_subject({"red": 3, "yellow": 5}) == "【联络官平台】您有 3 项超期、5 项临期事项"
    assert digest_subject({"red": 2}) == "【联络官平台】您有 2 项超期事项"
    assert digest_subject({"yellow": 1}) == "【联络官平台】您有 1 项临期事项"


@pytest.mark.django_db(transaction=True)  # the worker commits, as in production
def test_an_officer_with_many_items_gets_one_digest_email_listing_all_of_them():
    officer = make_user("t_digest_officer")
    other = make_user("t_digest_other")
    rows = _rows([officer], red=4, yellow=2) + _rows([officer, other], red=0, yellow=1, start=100)

    tally = _send(rows)
    _worker()

    assert (tally.sent, tally.recipients, tally.digests) == (7, 8, 2)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == [
        "t_digest_officer@example.gov.cn",
        "t_digest_other@example.gov.cn",
    ]  # one email each
    email = by_address["t_digest_officer@example.gov.cn"]
    assert email.subject == "【联络官平台】您有 4 项超期、3 项临期事项"
    body = email.body
    assert body.index("超期事项（4 项）") < body.index("临期事项（3 项）")
    for pk in (1, 2, 3, 4, 5, 6, 100):
        assert f"项目{pk} · 事项{pk}" in body and f"/tracking/items/{pk}/" in body
    assert "项目1 · 事项1（2026-09-24 到期，已超期 1 个工作日）" in body
    assert "项目5 · 事项5（2026-09-30 到期）" in body
    assert body.index("项目4 · 事项4") < body.index("项目5 · 事项5")  # red before yellow
    assert by_address["t_digest_other@example.gov.cn"].subject == "【联络官平台】您有 1 项临期事项"

    in_app = Notification.objects.filter(recipient=officer, in_app=True)
    assert in_app.count() == 7  # one in-app notification per item, none of them emailed alone
    assert not in_app.filter(email_sent_at__isnull=False).exists()
    digest = Notification.objects.get(recipient=officer, in_app=False)
    assert digest.email_sent_at is not None and digest.items.count() == 7
    assert ReminderSent.objects.filter(kind=KIND).count() == 8

    again = _send(rows)
    _worker()
    assert (again.sent, again.already_sent, again.digests) == (0, 7, 0)
    assert len(mail.outbox) == 2
    assert Notification.objects.count() == 8 + 2


@pytest.mark.django_db
def test_the_bell_and_the_list_show_the_items_not_the_digest():
    officer = make_user("t_digest_bell")
    _send(_rows([officer], red=2, yellow=1))
    assert notification_unread_count(user=officer) == 3
    assert {n.in_app for n in notification_list(user=officer)} == {True}
    assert Notification.objects.filter(recipient=officer).count() == 4


@pytest.mark.django_db
def test_a_run_costs_the_same_queries_for_30_and_for_300_subjects(django_capture_on_commit_callbacks):
    people = [make_user("t_digest_q1"), make_user("t_digest_q2")]

    def queries(rows: list[Row]) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx, django_capture_on_commit_callbacks(execute=True):
            tally = _send(rows)
        assert tally.sent == len(rows) and tally.digests == 2
        sql = [q["sql"].lstrip().upper() for q in ctx.captured_queries]
        inserts = sum(1 for q in sql if q.startswith("INSERT"))
        return len(sql) - inserts, inserts

    small = queries(_rows(people, red=20, yellow=10))
    large = queries(_rows(people, red=200, yellow=100, start=1000))
    # Everything but the INSERTs is the same; the INSERTs carry up to 1,000 rows each (SQLite splits
    # them at its limit of bound parameters, about 100 rows): 600 log rows and 600 notifications here.
    assert large[0] == small[0] <= 16, (small, large)
    assert large[1] <= 20, (small, large)  # 300 subjects: 9.3 statements each before the digests
    if connection.vendor == "postgresql":
        assert large == small, (small, large)
    assert DBTaskResult.objects.count() == 4  # one email task per digest, two runs, two people


@pytest.mark.django_db
def test_recipients_told_before_are_left_out_and_the_rest_still_told():
    first, second = make_user("t_digest_a"), make_user("t_digest_b")
    ReminderSent.objects.create(
        kind=KIND, subject_id=1, due_on=LATE, threshold="red", repeat_no=0, recipient=first
    )
    ReminderSent.objects.create(
        kind=KIND, subject_id=2, due_on=LATE, threshold="red", repeat_no=0, recipient=first
    )
    # 1 and 2 count as sent (a crossing sent to anyone is not composed again); 3 goes to both
    tally = _send(_rows([first, second], red=3, yellow=0))
    assert (tally.sent, tally.already_sent, tally.recipients) == (1, 2, 2)
    assert set(Notification.objects.filter(in_app=True).values_list("event_key", flat=True)) == {
        "test.red:3:2026-09-24:0"
    }
