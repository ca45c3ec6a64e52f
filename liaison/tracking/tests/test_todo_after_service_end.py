"""Once the project's service has ended (completed or terminated) its records are read-only, so none of
its items waits on the officer or the guide any more: not in the 待办 list, its count, or the item list's
to-do filter. The items stay visible."""

from __future__ import annotations

import pytest
from django.utils import timezone

from liaison.directory.todos import todo_count
from liaison.intake.models import Project
from liaison.tracking.lights import light_context
from liaison.tracking.policies import actor_scope
from liaison.tracking.selectors.item_list import project_item_todo_filtered
from liaison.tracking.selectors.items import project_item_todo_list, project_item_visible_to
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


def test_the_items_of_an_ended_service_wait_on_nobody(track):
    w = track.world
    draft(w, track.project, START)
    track.driver.to(item_of(track.project, "B"), "submitted")
    for user in (w.officer_user, w.guide):
        assert project_item_todo_list(user=user), user
        assert todo_count("tracking.items", user) > 0
    Project.objects.filter(pk=track.project.pk).update(
        service_ended_at=timezone.now(), service_end="terminated"
    )
    for user in (w.officer_user, w.guide):
        assert project_item_todo_list(user=user) == []
        assert todo_count("tracking.items", user) == 0
        filtered = project_item_todo_filtered(user=user, scope=actor_scope(user), ctx=light_context())
        assert not filtered.exists()
        assert project_item_visible_to(user).filter(project=track.project).exists()
