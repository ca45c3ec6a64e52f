"""In-app notifications: one per recipient per event, however often a service is retried."""

from __future__ import annotations

import pytest
from django.db import transaction

from liaison.notifications.models import Notification
from liaison.notifications.selectors.notifications import notification_list, notification_unread_count
from liaison.notifications.services.notify import notification_mark_read, notification_send

pytestmark = pytest.mark.django_db


def _send(recipients, key="guide_change:7:registered", title="指导员变更已登记"):
    return notification_send(
        recipients=recipients, kind="guide_change", event_key=key, title=title, body="正文", url="/catalogue/"
    )


def test_one_row_per_recipient_per_event_even_when_sent_twice(officer_user, guide_user):
    first = _send([officer_user, guide_user, officer_user, None])
    second = _send([officer_user, guide_user], title="重试时的标题")
    assert len(first) == 2
    assert second == []
    assert Notification.objects.count() == 2
    assert set(Notification.objects.values_list("title", flat=True)) == {"指导员变更已登记"}
    assert Notification.objects.filter(recipient=officer_user).count() == 1


def test_another_event_notifies_again(officer_user):
    _send([officer_user], key="event:1")
    _send([officer_user], key="event:2")
    assert notification_unread_count(user=officer_user) == 2


def test_notifications_roll_back_with_the_callers_transaction(officer_user):
    with pytest.raises(RuntimeError), transaction.atomic():
        _send([officer_user])
        raise RuntimeError
    assert not Notification.objects.exists()


def test_email_is_scheduled_only_after_commit(officer_user, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _send([officer_user])
    assert len(callbacks) == 1
    assert not DBTaskResult.objects.exists()
    callbacks[0]()
    assert DBTaskResult.objects.count() == 1


def test_marking_read_and_the_unread_count(officer_user, guide_user):
    _send([officer_user, guide_user], key="a")
    _send([officer_user], key="b")
    _send([officer_user], key="c")
    assert notification_unread_count(user=officer_user) == 3
    first = Notification.objects.get(recipient=officer_user, event_key="a")
    theirs = Notification.objects.get(recipient=guide_user, event_key="a")
    # Someone else's notification id is ignored.
    assert notification_mark_read(user=officer_user, notification_ids=[first.pk, theirs.pk]) == 1
    assert notification_unread_count(user=officer_user) == 2
    assert notification_unread_count(user=guide_user) == 1
    assert notification_mark_read(user=officer_user) == 2
    assert notification_unread_count(user=officer_user) == 0
    assert list(notification_list(user=officer_user, unread_only=True)) == []
    assert len(notification_list(user=officer_user)) == 3


def test_links_in_emails_are_absolute_when_the_site_address_is_set(settings):
    from liaison.notifications.links import link

    assert link("/tracking/items/5/") == "/tracking/items/5/"
    settings.SITE_URL = "https://lianluoguan.example.gov.cn/"
    assert link("/tracking/items/5/") == "https://lianluoguan.example.gov.cn/tracking/items/5/"
    assert link("https://elsewhere.example/x") == "https://elsewhere.example/x"
