"""The centre's tallies stay equal to the sums of the roll-ups through every kind of change, so that
the centre overview read from them equals the one computed from every roll-up and item; the check
command finds and repairs a corrupted tally."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from liaison.intake.services.dispatch import assignment_reassign
from liaison.intake.tests.test_services_support import register_officer
from liaison.tracking.lights import Light, tracking_settings
from liaison.tracking.models import CentreCount, DueTally, OfficerDueTally, OfficerTally, RollupShapeTally
from liaison.tracking.selectors.dashboards import FINISHED, UNPLANNED, centre_overview
from liaison.tracking.selectors.overview_scan import centre_overview_scan
from liaison.tracking.services.plans import plan_draft_from_entrustment, plan_item_add
from liaison.tracking.services.project_items import project_item_resubmit
from liaison.tracking.services.reschedule import plan_item_reschedule
from liaison.tracking.services.tallies import tallies_rebuild
from liaison.tracking.tests.builders import dispatched_project, draft, item_of, make_catalogue_item
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db

DAYS = [
    dt.date(2026, 9, 28),  # a Monday: some items yellow, some red
    dt.date(2026, 10, 9),  # just after the National Day holiday
    dt.date(2026, 12, 29),  # the 2027 calendar is not entered: yellow limit incomplete, unknowns
    dt.date(2026, 6, 1),  # before the plans start
    dt.date(2026, 9, 23),
    dt.date(2026, 10, 20),
    dt.date(2026, 11, 16),
]


def assert_equal_to_the_scan() -> None:
    for today in DAYS:
        assert centre_overview(today=today) == centre_overview_scan(today=today), today


@pytest.fixture
def busy(track, department):
    """Several projects brought through the services: plans, steps, a supplement pause and its end,
    rescheduling, an added item, and two changes of team; checked against the scan after each step."""
    w, driver = track.world, track.driver
    tracking_settings()
    third = register_officer(w.center_admin, "t_third_officer")
    assert_equal_to_the_scan()
    draft(w, track.project, START)
    driver.to(item_of(track.project, "A"), "accepted")
    driver.to(item_of(track.project, "B"), "supplement_requested")
    driver.to(item_of(track.project, "E"), "not_needed")
    assert_equal_to_the_scan()

    second = dispatched_project(w, name="第二个项目", officer=track.other_officer)
    plan_draft_from_entrustment(actor=track.other_officer.user, project=second, start_date=START)
    driver.officer = track.other_officer.user
    driver.to(item_of(second, "A"), "approved")
    plan_item_reschedule(
        actor=track.other_officer.user,
        project_item=item_of(second, "C"),
        planned_start=START + dt.timedelta(days=120),
        confirm=True,
    )
    assert_equal_to_the_scan()

    finished = dispatched_project(w, name="已办结的项目", officer=track.other_officer)
    plan_draft_from_entrustment(actor=track.other_officer.user, project=finished, start_date=START)
    for code in "ABCDE":
        driver.to(item_of(finished, code), "not_needed")
    dispatched_project(w, name="未制定方案的项目", officer=third)
    assert_equal_to_the_scan()

    # the first project's team: the other officer leads, the first one assists
    assignment_reassign(
        actor=w.center_admin,
        project=track.project,
        lead=track.other_officer,
        assistants=[w.officer],
        reason="工作调整",
    )
    assert_equal_to_the_scan()
    b = item_of(track.project, "B")
    project_item_resubmit(actor=w.officer_user, project_item=b)  # the clock runs again, for the new team
    added = make_catalogue_item(w.center_admin, department, "F", limit=2, guide=w.guide)
    plan_item_add(actor=track.other_officer.user, project=track.project, approval_item=added)
    # the second project goes to the third officer alone
    assignment_reassign(actor=w.center_admin, project=second, lead=third, reason="岗位调整")
    assert_equal_to_the_scan()
    return track, third


def test_the_overview_from_the_tallies_equals_the_scan_through_every_kind_of_change(busy):
    track, third = busy
    assert tallies_rebuild() == 0  # nothing to repair: every service kept them right
    overview = centre_overview(today=DAYS[0])
    assert overview.by_stage[UNPLANNED][Light.NONE] == 1
    assert overview.by_stage[FINISHED][Light.NONE] == 1
    assert overview.items.counts[Light.RED] > 0
    assert any(centre_overview(today=day).items.counts[Light.YELLOW] for day in DAYS)
    assert overview.overdue_by_department
    loads = {load.officer.pk: load for load in overview.officers}
    assert loads[track.other_officer.pk].projects == 2  # the first project, and the finished one
    assert loads[track.world.officer.pk].projects == 1  # assists on the first project only
    # the second project (A approved: 4 open) and the unplanned one
    assert (loads[third.pk].projects, loads[third.pk].open_items) == (2, 4)
    assert loads[third.pk].lights.counts[Light.RED] > 0  # the second project's overdue items moved along


def test_the_check_command_repairs_corrupted_tallies_and_reports_them(busy):
    track, _third = busy
    RollupShapeTally.objects.filter(n_projects__gt=0).update(n_projects=7)
    DueTally.objects.order_by("pk").first().delete()
    OfficerTally.objects.filter(officer=track.other_officer).update(items_open=40)
    OfficerDueTally.objects.update(n=3)
    CentreCount.objects.update(n=99)
    assert centre_overview(today=DAYS[0]) != centre_overview_scan(today=DAYS[0])

    out = StringIO()
    call_command("rollups_check", stdout=out)
    repaired = int(out.getvalue().split("roll-up(s) repaired, ")[1].split(" ")[0])
    assert repaired >= 5, out.getvalue()
    assert "equals the one from the items" in out.getvalue()
    assert_equal_to_the_scan()
    out = StringIO()
    call_command("rollups_check", stdout=out)
    assert "0 roll-up(s) repaired, 0 tally row(s) repaired" in out.getvalue()
