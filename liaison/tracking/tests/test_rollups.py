"""Each project's ProjectRollup stays equal to what its items add up to, and the centre overview read
from the roll-ups gives the same figures as judging every item's light one by one."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from liaison.catalogue.stages import Stage
from liaison.intake.models import Assignment, Project
from liaison.officers.models import OfficerStatus
from liaison.tracking.lights import SEVERITY, Light, light_context, tracking_settings, with_light
from liaison.tracking.models import ProjectItem, ProjectRollup
from liaison.tracking.selectors.dashboards import FINISHED, UNPLANNED, centre_overview
from liaison.tracking.services.plans import plan_draft_from_entrustment, plan_item_add
from liaison.tracking.services.reschedule import plan_item_reschedule
from liaison.tracking.services.rollups import ROLLUP_FIELDS, rollup_values, rollups_rebuild
from liaison.tracking.tests.builders import dispatched_project, draft, item_of, make_catalogue_item
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db


def stored(project: Project) -> dict[str, Any]:
    row = ProjectRollup.objects.filter(project=project).values(*ROLLUP_FIELDS).first()
    assert row is not None, f"no roll-up for {project}"
    return row


def assert_in_step(project: Project) -> None:
    assert stored(project) == rollup_values(ProjectItem, [project.pk])[project.pk]


def test_every_kind_of_change_to_the_items_keeps_the_rollup_equal_to_them(track, department):
    w, driver = track.world, track.driver
    assert stored(track.project)["items_total"] == 0  # dispatched (its officers counted), nothing planned
    draft(w, track.project, START)
    assert stored(track.project)["items_total"] == 5
    assert stored(track.project)["stage_rank"] == 0
    assert_in_step(track.project)

    a = driver.to(item_of(track.project, "A"), "approved")
    assert_in_step(track.project)
    driver.to(item_of(track.project, "B"), "supplement_requested")
    assert stored(track.project)["items_paused"] == 1
    assert_in_step(track.project)
    driver.to(item_of(track.project, "E"), "not_needed")
    assert_in_step(track.project)

    before = stored(track.project)["earliest_due"]
    plan_item_reschedule(
        actor=w.officer_user,
        project_item=item_of(track.project, "C"),
        planned_start=START + dt.timedelta(days=120),
        confirm=True,
    )
    assert_in_step(track.project)
    added = make_catalogue_item(w.center_admin, department, "F", limit=2, guide=w.guide)
    plan_item_add(actor=w.officer_user, project=track.project, approval_item=added)
    assert stored(track.project)["items_total"] == 6
    assert stored(track.project)["earliest_due"] != before  # F, without prerequisites, is due soon
    assert_in_step(track.project)
    assert a.state == "approved"
    assert rollups_rebuild() == 0  # every service kept it right: nothing to repair


def test_the_rebuild_repairs_a_wrong_or_missing_rollup_and_says_how_many(track):
    draft(track.world, track.project, START)
    other = dispatched_project(track.world, name="第二个项目")
    draft(track.world, other, START)
    right = stored(track.project)
    ProjectRollup.objects.filter(project=track.project).update(items_open=99, earliest_due=None)
    ProjectRollup.objects.filter(project=other).delete()

    assert rollups_rebuild() == 2
    assert stored(track.project) == right
    assert_in_step(other)
    assert rollups_rebuild() == 0


def item_by_item_overview(today: dt.date) -> dict[str, Any]:
    """The centre overview computed the slow, obvious way: every item's light, then Python sums."""
    ctx = light_context(today)
    items = list(with_light(ProjectItem.objects.all(), ctx).values("project_id", "stage", "light", "state"))
    by_project: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_project[item["project_id"]].append(item)
    by_stage: dict[str, Counter[str]] = defaultdict(Counter)
    for project_id in Project.objects.filter(registered_at__isnull=False).values_list("pk", flat=True):
        rows = by_project.get(project_id, [])
        if not rows:
            by_stage[UNPLANNED][Light.NONE] += 1
            continue
        worst = min((row["light"] for row in rows), key=SEVERITY.index)
        open_stages = [row["stage"] for row in rows if row["light"] != Light.NONE]
        stage = min(open_stages, key=list(Stage.values).index) if open_stages else FINISHED
        by_stage[stage][worst] += 1
    officers: dict[int, Counter[str]] = defaultdict(Counter)
    for officer_id, project_id in Assignment.objects.filter(
        is_active=True, officer__status=OfficerStatus.ACTIVE
    ).values_list("officer_id", "project_id"):
        officers[officer_id].update(row["light"] for row in by_project.get(project_id, []))
    return {
        "by_stage": {stage: {k: v for k, v in counts.items() if v} for stage, counts in by_stage.items()},
        "items": dict(Counter(item["light"] for item in items)),
        "officers": {pk: dict(counts) for pk, counts in officers.items() if counts},
    }


def from_rollups(today: dt.date) -> dict[str, Any]:
    overview = centre_overview(today=today)

    def nonzero(counts: Any) -> dict[str, int]:
        return {k: v for k, v in counts.items() if v}

    return {
        "by_stage": {stage: nonzero(c) for stage, c in overview.by_stage.items() if nonzero(c)},
        "items": nonzero(overview.items.counts),
        "officers": {
            load.officer.pk: nonzero(load.lights.counts)
            for load in overview.officers
            if nonzero(load.lights.counts)
        },
    }


@pytest.mark.parametrize(
    "today",
    [
        dt.date(2026, 9, 28),  # a Monday: some items yellow, some red
        dt.date(2026, 10, 9),  # just after the National Day holiday
        dt.date(2026, 12, 29),  # the 2027 calendar is not entered: yellow limit incomplete, unknowns
        dt.date(2026, 6, 1),  # before the plans start: everything green
    ],
)
def test_the_overview_from_rollups_equals_judging_every_item(track, today):
    w, driver = track.world, track.driver
    tracking_settings()
    draft(w, track.project, START)
    driver.to(item_of(track.project, "A"), "accepted")
    driver.to(item_of(track.project, "B"), "supplement_requested")
    second = dispatched_project(w, name="第二个项目", officer=track.other_officer)
    plan_draft_from_entrustment(actor=track.other_officer.user, project=second, start_date=START)
    driver.officer = track.other_officer.user
    driver.to(item_of(second, "A"), "approved")
    driver.to(item_of(second, "B"), "not_needed")
    finished = dispatched_project(w, name="已办结的项目", officer=track.other_officer)
    plan_draft_from_entrustment(actor=track.other_officer.user, project=finished, start_date=START)
    for code in "ABCDE":
        driver.to(item_of(finished, code), "not_needed")
    dispatched_project(w, name="未制定方案的项目")

    expected = item_by_item_overview(today)
    assert expected["by_stage"][FINISHED] == {Light.NONE: 1}
    assert from_rollups(today) == expected


def test_the_check_command_repairs_and_reports(track):
    draft(track.world, track.project, START)
    ProjectRollup.objects.filter(project=track.project).update(items_total=0)
    out = StringIO()
    call_command("rollups_check", stdout=out)
    assert "1 roll-up(s) repaired" in out.getvalue()
    assert_in_step(track.project)
