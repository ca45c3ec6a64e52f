"""The tracking demo built on the district demo: items in every state, some yellow and some red."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from liaison.audit.services.verify import audit_chain_verify
from liaison.deadlines.models import ReminderSent
from liaison.directory.models import User
from liaison.tracking.demo import build_tracking_demo
from liaison.tracking.lights import light_context, with_light
from liaison.tracking.models import (
    PlanDateProposal,
    PlanVersion,
    ProjectItem,
    ProjectItemState,
    ServicePlan,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo")
    lines: list[str] = []
    build_tracking_demo(User.objects.get(username="center_admin"), lines.append)
    return lines


def test_the_dispatched_demo_projects_get_plans_with_items_in_every_state(demo):
    assert ServicePlan.objects.count() == 3 + 5  # and five more of closure's demo services at their end
    states = set(ProjectItem.objects.values_list("state", flat=True))
    assert states == set(ProjectItemState.values)
    assert PlanVersion.objects.filter(number=2).exists()
    assert PlanDateProposal.objects.filter(status="proposed").count() == 1
    assert "tracking:" in demo[-1]


def test_the_demo_has_yellow_and_red_lights_today_and_reminders_were_sent(demo):
    ctx = light_context()
    lights = set(with_light(ProjectItem.objects.all(), ctx).values_list("light", flat=True))
    assert {"red", "green", "paused", "none"} <= lights
    if ctx.limit_complete:  # in the last days of a year whose successor is not entered, yellow cannot be told
        assert "yellow" in lights
        assert ReminderSent.objects.filter(kind="tracking.item", threshold="yellow").exists()
    assert ReminderSent.objects.filter(kind="tracking.item", threshold__in=["red", "overdue"]).exists()


def test_the_demo_keeps_the_audit_chain_intact(demo):
    assert audit_chain_verify().ok
