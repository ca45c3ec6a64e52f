"""Once the service has ended its records are read-only, so a difficulty still open waits on nobody: not in
the centre's 待办 or the list's 待我处理 tab; it stays listed."""

from __future__ import annotations

import pytest
from django.utils import timezone

from liaison.coordination.selectors.difficulties import difficulty_list
from liaison.coordination.tests.test_services import raise_one, step
from liaison.directory.todos import todo_count
from liaison.intake.models import Project

pytestmark = pytest.mark.django_db


def test_a_difficulty_of_an_ended_service_waits_on_nobody(case):
    w = case.world
    difficulty = raise_one(case)
    step(w.officer_user, difficulty, "report")
    assert todo_count("coordination.difficulties", w.center_admin) == 1
    assert [d.pk for d in difficulty_list(user=w.center_admin, state="waiting")] == [difficulty.pk]
    Project.objects.filter(pk=case.project.pk).update(
        service_ended_at=timezone.now(), service_end="terminated"
    )
    assert todo_count("coordination.difficulties", w.center_admin) == 0
    assert list(difficulty_list(user=w.center_admin, state="waiting")) == []
    assert [d.pk for d in difficulty_list(user=w.center_admin)] == [difficulty.pk]
