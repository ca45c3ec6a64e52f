"""The centre's tallies under concurrent changes: steps on two projects sharing tally rows, and a change
of team at the same moment as a step on the project's items. Whatever the order, the tallies end equal
to the roll-ups (nothing for `tallies_rebuild` to repair) and the overview equals the scan. The threads
share the database as in liaison/intake/tests/test_concurrency.py."""

# ruff: noqa: F811 - the shared fixture is imported by name and then requested as an argument

from __future__ import annotations

from typing import Any

import pytest

from liaison.intake.services.dispatch import assignment_reassign
from liaison.intake.tests.test_concurrency import shared_database  # noqa: F401 - fixture
from liaison.intake.tests.test_services_support import ensure_thresholds
from liaison.testing.races import second_meets_open_first
from liaison.tracking.lights import tracking_settings
from liaison.tracking.models import ProjectItem
from liaison.tracking.selectors.dashboards import centre_overview
from liaison.tracking.selectors.overview_scan import centre_overview_scan
from liaison.tracking.services.project_items import project_item_mark_not_needed
from liaison.tracking.services.tallies import tallies_rebuild
from liaison.tracking.tests.builders import dispatched_project, draft, item_of
from liaison.tracking.tests.conftest import START

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def planned(shared_database: None, world: Any, request: pytest.FixtureRequest) -> Any:
    ensure_thresholds(world.center_admin)
    track = request.getfixturevalue("track")
    tracking_settings()
    draft(track.world, track.project, START)
    return track


def assert_tallies_right() -> None:
    assert tallies_rebuild() == 0
    assert centre_overview(today=START) == centre_overview_scan(today=START)


def test_steps_on_two_projects_sharing_tally_rows_queue_and_both_count(planned):
    w = planned.world
    second = dispatched_project(w, name="第二个项目")  # same officer, same plan dates: same tally keys
    draft(w, second, START)
    a1, a2 = item_of(planned.project, "A"), item_of(second, "A")
    race = second_meets_open_first(
        lambda: project_item_mark_not_needed(actor=w.officer_user, project_item=a1, reason="已取得"),
        lambda: project_item_mark_not_needed(actor=w.officer_user, project_item=a2, reason="已取得"),
    )
    assert isinstance(race.first, ProjectItem), race
    assert isinstance(race.second, ProjectItem), race
    assert race.waited >= 0.4  # the second waited for the tally rows the first had incremented
    assert_tallies_right()


@pytest.mark.parametrize("team_first", [True, False])
def test_a_change_of_team_and_a_step_at_the_same_moment_count_for_the_right_officers(planned, team_first):
    w, project = planned.world, planned.project
    a = item_of(project, "A")

    def reassign() -> Any:
        return assignment_reassign(
            actor=w.center_admin,
            project=project,
            lead=planned.other_officer,
            assistants=[w.officer],
            reason="工作调整",
        )

    def step() -> Any:
        return project_item_mark_not_needed(actor=w.officer_user, project_item=a, reason="已取得")

    race = second_meets_open_first(*((reassign, step) if team_first else (step, reassign)))
    assert not isinstance(race.first, Exception), race
    assert not isinstance(race.second, Exception), race
    assert race.waited >= 0.4  # the second waited on the project's roll-up row
    assert_tallies_right()
    loads = {load.officer.pk: load for load in centre_overview(today=START).officers}
    assert loads[planned.other_officer.pk].open_items == 4  # the new lead counts the step
