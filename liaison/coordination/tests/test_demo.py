"""The difficulties load_demo adds: every state of the escalation path, through the services."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from liaison.coordination.demo import SCENARIOS
from liaison.coordination.models import Difficulty, DifficultyState, DifficultyStep
from liaison.testing.reminders import crossings
from liaison.tracking.services.rollups import rollups_rebuild

pytestmark = pytest.mark.django_db


def test_the_demo_has_difficulties_in_every_state_with_their_steps(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo")
    states = set(Difficulty.objects.values_list("state", flat=True))
    assert states == set(DifficultyState.values)
    escalated = Difficulty.objects.get(state=DifficultyState.ESCALATED)
    assert escalated.category == "key_project_acceleration"
    assert list(escalated.steps.values_list("acting_role", flat=True)) == [
        "officer",
        "officer",
        "center_admin",
        "center_leader",
        "project_office",
    ]
    assert DifficultyStep.objects.count() == len(SCENARIOS) + sum(len(steps) for *_, steps in SCENARIOS)
    late = Difficulty.objects.get(title="供水接入方案与规划条件不一致")
    # it was reminded as overdue (red, or already a repeat when the backdated deadline is N working days past)
    assert any(c[1] in {"red", "overdue"} for c in crossings("coordination.difficulty", [late.pk]))
    assert rollups_rebuild() == 0  # the demo's plans went through the services: roll-ups all right
