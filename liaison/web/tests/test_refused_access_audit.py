"""Every refused access by a signed-in user is in the audit trail (等保 安全审计): every 403 and every 404 a
view gives (forbidden and missing look alike, on the page and in the trail); an unknown address is not one."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from liaison.audit.models import AuditEvent, RefusalTally
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    world,
)
from liaison.tracking.tests.builders import dispatched_project

pytestmark = pytest.mark.django_db


def _refusals():
    return AuditEvent.objects.filter(action="access.refused").order_by("seq")


def test_another_enterprises_project_is_refused_and_recorded(client, world):
    project = dispatched_project(world, name="他人的项目")
    client.force_login(world.other_applicant)
    url = reverse("intake:project_detail", args=[project.pk])
    assert client.get(url).status_code == 404
    event = _refusals().get()
    assert event.actor == world.other_applicant and event.object_id == str(project.pk)
    assert event.object_type == "intake:project_detail" and url in event.summary
    assert event.source == "web" and event.changes["extra"]["http_status"] == 404


def test_a_missing_object_is_recorded_the_same_way(client, world):
    client.force_login(world.other_applicant)
    assert client.get(reverse("intake:project_detail", args=[987654])).status_code == 404
    assert _refusals().get().object_id == "987654"


def test_the_api_refusal_is_recorded_with_its_source(world):
    project = dispatched_project(world, name="接口访问的项目")
    api = Client()
    api.force_login(world.other_applicant)
    assert api.get(f"/api/v1/intake/projects/{project.pk}").status_code == 404
    event = _refusals().get()
    assert event.source == "api" and event.object_id == str(project.pk)


def test_a_page_the_role_may_not_open_is_recorded(client, world):
    client.force_login(world.applicant)
    assert client.get(reverse("deadlines:settings")).status_code == 404  # looks like a missing page
    event = _refusals().get()
    assert event.object_type == "deadlines:settings" and event.changes["extra"]["http_status"] == 404


def test_a_403_from_the_api_is_recorded(world):
    api = Client()
    api.force_login(world.applicant)
    assert api.get("/api/v1/audit/events").status_code == 403
    event = _refusals().get()
    assert event.source == "api" and event.changes["extra"]["http_status"] == 403


def test_what_is_allowed_and_what_is_anonymous_leave_no_refusal(client, world):
    project = dispatched_project(world, name="自己的项目")
    assert client.get(reverse("intake:project_detail", args=[project.pk])).status_code == 302  # to sign in
    client.force_login(world.applicant)
    assert client.get(reverse("intake:project_detail", args=[project.pk])).status_code == 200
    assert client.get("/no-such-page/").status_code == 404  # an unknown address names no object
    assert not _refusals().exists()


def test_a_flood_of_404s_writes_a_bounded_number_of_chained_events_and_is_still_counted(
    client, world, settings
):
    settings.AUDIT_REFUSALS_PER_MINUTE = limit = 5
    client.force_login(world.other_applicant)
    before = AuditEvent.objects.count()
    for n in range(40):
        assert client.get(reverse("intake:project_detail", args=[900000 + n])).status_code == 404
    tallies = list(RefusalTally.objects.filter(user=world.other_applicant))
    assert sum(t.refused for t in tallies) == 40  # every refusal counted, even past the bound
    assert len(tallies) <= 2  # the flood may straddle a minute boundary
    chained = sum(min(t.refused, limit) for t in tallies)
    assert _refusals().count() == chained <= 2 * limit
    limited = AuditEvent.objects.filter(action="access.refused_limited", actor=world.other_applicant)
    assert limited.count() == sum(1 for t in tallies if t.refused > limit) >= 1
    first = limited.order_by("seq").first()
    assert (
        first.object_id == str(first_tally_over(tallies, limit).pk)
        and first.changes["extra"]["limit"] == limit
    )
    assert AuditEvent.objects.count() - before == chained + limited.count()  # nothing else was chained

    # the bound is per user: another user's refusal in the same minute is chained as usual
    client.force_login(world.applicant)
    assert client.get(reverse("intake:project_detail", args=[987654])).status_code == 404
    assert _refusals().filter(actor=world.applicant).count() == 1


def first_tally_over(tallies, limit):
    return min((t for t in tallies if t.refused > limit), key=lambda t: t.minute)
