"""Once the service has ended (completed or terminated), a consultation still pending can no longer be
answered, so it leaves the guide's 待回复 inbox, their 待办 count and the list's pending filter."""

from __future__ import annotations

import pytest
from django.utils import timezone

from liaison.consultations.selectors.consultations import consultation_list, guide_inbox
from liaison.directory.todos import todo_count
from liaison.intake.models import Project

pytestmark = pytest.mark.django_db


def test_a_pending_consultation_of_an_ended_service_waits_on_nobody(desk):
    consultation = desk.raise_()
    guide = desk.guide
    assert todo_count("consultations.inbox", guide) == 1
    assert [c.pk for c in guide_inbox(guide)] == [consultation.pk]
    Project.objects.filter(pk=desk.project.pk).update(
        service_ended_at=timezone.now(), service_end="terminated"
    )
    assert todo_count("consultations.inbox", guide) == 0
    assert list(guide_inbox(guide)) == []
    assert list(consultation_list(desk.world.center_admin, state="pending")) == []
    # the record stays visible to those who could see it
    assert [c.pk for c in consultation_list(desk.world.center_admin)] == [consultation.pk]
