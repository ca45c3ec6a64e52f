"""The notification list, marking read, and the unread count — in the browser and over the API."""

from __future__ import annotations

import json

import pytest

from liaison.notifications.models import Notification
from liaison.notifications.services.notify import notification_send

pytestmark = pytest.mark.django_db


def _notes(user, n=3):
    for i in range(n):
        notification_send(recipients=[user], kind="t", event_key=f"k{i}", title=f"通知{i}", body="", url="")
    return list(Notification.objects.filter(recipient=user).order_by("pk"))


def test_the_list_shows_only_my_notifications(client, officer_user, guide_user):
    _notes(officer_user, 2)
    notification_send(recipients=[guide_user], kind="t", event_key="g", title="别人的通知")
    client.force_login(officer_user)
    html = client.get("/notifications/").content.decode()
    assert "通知0" in html
    assert "通知1" in html
    assert "别人的通知" not in html


def test_marking_one_read_in_the_browser(client, officer_user):
    first, *_rest = _notes(officer_user)
    client.force_login(officer_user)
    response = client.post("/notifications/read/", {"id": [first.pk], "next": "/notifications/?unread=1"})
    assert response.status_code == 302
    assert response["Location"] == "/notifications/?unread=1"
    first.refresh_from_db()
    assert first.read_at is not None
    assert Notification.objects.filter(recipient=officer_user, read_at__isnull=True).count() == 2
    unread_page = client.get("/notifications/", {"unread": "1"}).content.decode()
    assert "通知0" not in unread_page


def test_marking_all_read_in_the_browser(client, officer_user):
    _notes(officer_user)
    client.force_login(officer_user)
    client.post("/notifications/read/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_nobody_marks_someone_elses_notifications(client, officer_user, guide_user):
    theirs = _notes(guide_user, 1)[0]
    client.force_login(officer_user)
    client.post("/notifications/read/", {"id": [theirs.pk]})
    client.post("/notifications/read/")
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_needs_post_and_a_login(client, officer_user):
    assert client.post("/notifications/read/").status_code == 302  # to the login page
    client.force_login(officer_user)
    assert client.get("/notifications/read/").status_code == 405


def test_an_offsite_next_url_is_not_followed(client, officer_user):
    client.force_login(officer_user)
    response = client.post("/notifications/read/", {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")


def test_the_api_lists_counts_and_marks_read(client, officer_user, guide_user):
    notes = _notes(officer_user)
    _notes(guide_user, 1)
    client.force_login(officer_user)
    listing = client.get("/api/v1/notifications/").json()
    assert listing["count"] == 3
    assert {n["title"] for n in listing["items"]} == {"通知0", "通知1", "通知2"}
    assert client.get("/api/v1/notifications/unread-count").json() == {"unread": 3}
    marked = client.post(
        "/api/v1/notifications/mark-read", json.dumps({"ids": [notes[0].pk]}), content_type="application/json"
    )
    assert marked.json() == {"unread": 2}
    assert client.get("/api/v1/notifications/", {"unread": True}).json()["count"] == 2
    everything = client.post("/api/v1/notifications/mark-read", "{}", content_type="application/json")
    assert everything.json() == {"unread": 0}
    assert Notification.objects.filter(recipient=guide_user, read_at__isnull=True).count() == 1


def test_the_api_needs_credentials(client):
    assert client.get("/api/v1/notifications/unread-count").status_code == 401
