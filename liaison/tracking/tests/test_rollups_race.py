"""Two steps on different items of one project at once: the project's roll-up ends up counting both.

The first step holds its transaction open after writing; the second, on another item (so no item lock
stops it), must wait for the roll-up row and recompute from the first step's committed result. Without
that lock the second would count the first item as it was and overwrite the roll-up with that. The
threads share the database as in liaison/intake/tests/test_concurrency.py.
"""

# ruff: noqa: F811 - the shared fixture is imported by name and then requested as an argument

from __future__ import annotations

from typing import Any

import pytest

from liaison.intake.tests.test_concurrency import shared_database  # noqa: F401 - fixture
from liaison.intake.tests.test_services_support import ensure_thresholds
from liaison.testing.races import second_meets_open_first
from liaison.tracking.lights import tracking_settings
from liaison.tracking.models import ProjectItem, ProjectRollup
from liaison.tracking.services.project_items import project_item_mark_not_needed
from liaison.tracking.services.rollups import ROLLUP_FIELDS, rollup_values
from liaison.tracking.tests.builders import draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def planned(shared_database: None, world: Any, request: pytest.FixtureRequest) -> Any:
    ensure_thresholds(world.center_admin)
    track = request.getfixturevalue("track")
    tracking_settings()
    draft(track.world, track.project, START)
    return track


def test_a_step_on_another_item_of_the_same_project_waits_and_counts_the_first_one(planned):
    officer, project = planned.world.officer_user, planned.project
    a, e = item_of(project, "A"), item_of(project, "E")
    race = second_meets_open_first(
        lambda: project_item_mark_not_needed(actor=officer, project_item=a, reason="已取得"),
        lambda: project_item_mark_not_needed(actor=officer, project_item=e, reason="已取得"),
    )

    assert isinstance(race.first, ProjectItem), race
    assert isinstance(race.second, ProjectItem), race
    assert race.waited >= 0.4  # the second step really waited for the first one's transaction
    row = ProjectRollup.objects.filter(project=project).values(*ROLLUP_FIELDS).get()
    assert (row["items_total"], row["items_open"]) == (5, 3)  # both items counted as closed
    assert row == rollup_values(ProjectItem, [project.pk])[project.pk]
