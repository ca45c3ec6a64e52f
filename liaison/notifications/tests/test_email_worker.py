"""The email copy goes out once, through the real database worker; SMTP failures are retried later."""

from __future__ import annotations

import datetime as dt
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from liaison.notifications.models import Notification
from liaison.notifications.services.notify import notification_send

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits, as in production


def _run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay")


def _send(user, key="officer:1:registered"):
    return notification_send(
        recipients=[user],
        kind="officer",
        event_key=key,
        title="您已登记为联络官",
        body="请查看。",
        url="/officers/",
    )


def test_the_email_is_sent_exactly_once_by_the_worker(officer_user):
    _send(officer_user)
    _send(officer_user)  # a retried service: no second notification, no second email
    _run_worker()
    _run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [officer_user.email]
    assert message.subject == "您已登记为联络官"
    assert "/officers/" in message.body
    note = Notification.objects.get()
    assert note.email_sent_at is not None
    assert (note.email_attempts, note.email_error) == (1, "")


def test_a_task_enqueued_twice_still_sends_once(officer_user):
    from liaison.notifications.tasks import send_notification_email

    (note,) = _send(officer_user)
    send_notification_email.enqueue(note.pk)  # a duplicate task for the same notification
    _run_worker()
    assert len(mail.outbox) == 1


def test_a_recipient_without_email_gets_no_email_and_the_reason_is_kept(officer_user):
    officer_user.email = ""
    officer_user.save(update_fields=["email"])
    _send(officer_user)
    _run_worker()
    assert mail.outbox == []
    assert Notification.objects.get().email_error == "no email address"


def test_a_failing_smtp_server_is_recorded_and_retried_later(officer_user):
    _send(officer_user)
    refused = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=refused):
        _run_worker()
    assert mail.outbox == []
    note = Notification.objects.get()
    assert note.email_sent_at is None
    assert note.email_attempts == 1
    assert "Connection unexpectedly closed" in note.email_error
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after > timezone.now() + dt.timedelta(minutes=1)  # 2 minutes after the first attempt
    # Not due yet: another worker run sends nothing.
    _run_worker()
    assert mail.outbox == []
    # When it falls due, the retry goes out and is recorded.
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    _run_worker()
    assert len(mail.outbox) == 1
    note.refresh_from_db()
    assert note.email_sent_at is not None
    assert (note.email_attempts, note.email_error) == (2, "")
