"""Published documents: the centre's staff write a new version and publish it; the old one stays readable
at its own URL; drafts are never public; other roles cannot publish."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, PermissionDenied
from liaison.portal.models import PublishedDocument, VersionState
from liaison.portal.services.documents import document_version_create, document_version_publish

pytestmark = pytest.mark.django_db


def rules() -> PublishedDocument:
    return PublishedDocument.objects.get(slug="rules")


def test_a_new_version_is_a_draft_until_published_and_the_old_one_stays_readable(
    world, django_capture_on_commit_callbacks
):
    client = Client()
    client.get(reverse("portal:document", args=["rules"]))  # cached before the change
    draft = document_version_create(
        actor=world.center_admin,
        document=rules(),
        body="修订后的细则正文",
        issued_on=dt.date(2026, 6, 1),
        note="修订",
    )
    assert draft.number == 2 and draft.state == VersionState.DRAFT
    assert "修订后的细则正文" not in client.get(reverse("portal:document", args=["rules"])).content.decode()
    assert client.get(reverse("portal:document_version", args=["rules", 2])).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        document_version_publish(actor=world.center_admin, version=draft)
    current = client.get(reverse("portal:document", args=["rules"])).content.decode()
    assert "修订后的细则正文" in current and "v2" in current  # the cache was emptied on publication
    old = client.get(reverse("portal:document_version", args=["rules", 1])).content.decode()
    assert "第八条" in old and 'data-testid="old-version"' in old
    assert AuditEvent.objects.filter(action="portal.document_version_published").count() == 1


def test_only_the_centres_staff_write_and_publish(world):
    with pytest.raises(PermissionDenied):
        document_version_create(
            actor=world.officer_user, document=rules(), body="x", issued_on=dt.date(2026, 1, 1)
        )
    draft = document_version_create(
        actor=world.center_admin, document=rules(), body="x", issued_on=dt.date(2026, 1, 1)
    )
    with pytest.raises(PermissionDenied):
        document_version_publish(actor=world.center_leader, version=draft)


def test_an_empty_body_or_a_future_date_is_refused_and_nothing_saved(world):
    with pytest.raises(DomainError, match="正文"):
        document_version_create(
            actor=world.center_admin, document=rules(), body="  ", issued_on=dt.date(2026, 1, 1)
        )
    with pytest.raises(DomainError, match="印发日期"):
        document_version_create(
            actor=world.center_admin,
            document=rules(),
            body="x",
            issued_on=timezone.localdate() + dt.timedelta(days=9),
        )
    assert rules().versions.count() == 1


def test_publishing_twice_is_refused(world):
    draft = document_version_create(
        actor=world.center_admin, document=rules(), body="x", issued_on=dt.date(2026, 1, 1)
    )
    document_version_publish(actor=world.center_admin, version=draft)
    with pytest.raises(DomainError, match="已经发布"):
        document_version_publish(actor=world.center_admin, version=draft)


def test_the_management_pages_answer_404_to_other_roles_and_work_for_the_centre(world):
    other = Client()
    other.force_login(world.officer_user)
    assert other.get(reverse("portal:documents_manage")).status_code == 404
    assert other.post(reverse("portal:document_version_publish", args=[1])).status_code == 404
    centre = Client()
    centre.force_login(world.center_admin)
    assert centre.get(reverse("portal:documents_manage")).status_code == 200
    url = reverse("portal:document_version_new", args=[rules().pk])
    bad = centre.post(url, {"issued_on": "2026-02-30", "body": "新正文"})
    assert bad.status_code == 200 and "日期格式不正确。" in bad.content.decode()
    assert centre.post(url, {"issued_on": "2026-03-01", "body": "新正文"}).status_code == 302
    version = rules().versions.get(number=2)
    assert centre.post(reverse("portal:document_version_publish", args=[version.pk])).status_code == 302
    version.refresh_from_db()
    assert version.state == VersionState.PUBLISHED


def test_the_rules_page_lists_every_source_with_its_versions(world):
    draft = document_version_create(
        actor=world.center_admin, document=rules(), body="x", issued_on=dt.date(2026, 1, 1)
    )
    document_version_publish(actor=world.center_admin, version=draft)
    assert "v2" in Client().get(reverse("portal:rules")).content.decode()
    html = Client().get(reverse("portal:rules")).content.decode()
    assert "实施细则" in html and reverse("portal:document_version", args=["rules", 1]) in html
    # the working system has no published version yet: not listed
    assert "中心工作制度" not in html
