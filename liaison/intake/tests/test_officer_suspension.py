"""An officer still serving projects cannot be suspended: the centre is shown each project and reassigns
it first (Art. 6 跟踪管理; the service is never left without its officer)."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from liaison.core.errors import DomainError
from liaison.intake.models import Project
from liaison.intake.services.dispatch import assignment_reassign
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    register_officer,
    request_in,
    world,
)
from liaison.officers.models import OfficerStatus
from liaison.officers.services.officer_status import officer_suspend

pytestmark = pytest.mark.django_db


def test_suspension_waits_until_every_project_in_service_is_reassigned(world, client):
    project = request_in(
        "accepted", applicant=world.applicant, admin=world.center_admin, officer=world.officer
    ).project
    with pytest.raises(DomainError) as refused:
        officer_suspend(actor=world.center_admin, officer=world.officer, reason="长期病假")
    assert project.name in str(refused.value.message) and refused.value.field == "reason"
    world.officer.refresh_from_db()
    assert world.officer.status == OfficerStatus.ACTIVE  # nothing changed

    client.force_login(world.center_admin)
    page = client.get(reverse("officers:officer_status", args=[world.officer.pk])).content.decode()
    assert 'data-testid="blockers"' in page and reverse("intake:reassign", args=[project.pk]) in page

    other = register_officer(world.center_admin, "t_relief")
    assignment_reassign(actor=world.center_admin, project=project, lead=other, reason="原联络官长期病假")
    assert officer_suspend(actor=world.center_admin, officer=world.officer, reason="长期病假").status == (
        OfficerStatus.SUSPENDED
    )


def test_a_project_whose_service_has_ended_does_not_hold_the_officer(world):
    project = request_in(
        "accepted", applicant=world.applicant, admin=world.center_admin, officer=world.officer
    ).project
    Project.objects.filter(pk=project.pk).update(service_ended_at=timezone.now(), service_end="completed")
    assert officer_suspend(actor=world.center_admin, officer=world.officer, reason="调离").status == (
        OfficerStatus.SUSPENDED
    )
