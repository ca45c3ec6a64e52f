"""Traffic lights per item and their roll-ups; a missing calendar year shows as a problem, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.tracking.lights import (
    SEVERITY,
    Light,
    LightSummary,
    light_conditions,
    light_context,
    light_rank,
    with_light,
)
from liaison.tracking.models import ProjectItem
from liaison.tracking.selectors.dashboards import centre_overview, officer_project_list
from liaison.tracking.selectors.items import project_item_list
from liaison.tracking.selectors.plans import plan_view
from liaison.tracking.services.project_items import (
    project_item_accept,
    project_item_prepare,
    project_item_submit,
)
from liaison.tracking.services.reminders import reminders_run
from liaison.tracking.services.settings import tracking_settings_update
from liaison.tracking.tests.builders import (
    at,
    dispatched_project,
    draft,
    item_of,
    make_catalogue_item,
    provide_materials,
)
from liaison.tracking.tests.conftest import START
from liaison.workcal.calendar import add_working_days
from liaison.workcal.services.overrides import calendar_year_import

pytestmark = pytest.mark.django_db
D = dt.date
MONDAY = D(2026, 9, 28)  # yellow up to 8 October: 29 and 30 September, then 8 October after the holiday


def lights(project, today):
    ctx = light_context(today)
    return dict(
        with_light(ProjectItem.objects.filter(project=project), ctx).values_list(
            "approval_item__code", "light"
        )
    )


@pytest.fixture
def plan(track):
    return draft(track.world, track.project, START)


def test_each_item_is_red_yellow_or_green_against_its_due_date(track, plan):
    assert lights(track.project, MONDAY) == {
        "A": "yellow",
        "B": "green",
        "C": "green",
        "D": "green",
        "E": "red",
    }


def test_yellow_counts_n_working_days_inclusive_across_the_holiday():
    ctx = light_context(MONDAY, threshold_days=3)
    assert ctx.yellow_limit == D(2026, 10, 8)
    assert light_context(D(2026, 9, 30), threshold_days=1).yellow_limit == D(2026, 10, 8)


def test_the_threshold_is_the_centres_setting(track, plan):
    tracking_settings_update(
        actor=track.world.center_admin,
        yellow_threshold_days=15,
        overdue_repeat_days=3,
        obligation_default_days=5,
    )
    assert light_context(MONDAY).threshold_days == 15
    assert lights(track.project, MONDAY)["B"] == "yellow"  # due 19 October: exactly 15 working days ahead


def test_an_item_due_today_is_yellow_with_no_day_left_and_the_next_day_red(track, plan):
    rows = {
        r.item.approval_item.code: r
        for r in project_item_list(user=track.world.officer_user, project=track.project, today=D(2026, 9, 29))
    }
    assert (rows["A"].light, rows["A"].remaining_days) == ("yellow", 0)
    rows = {
        r.item.approval_item.code: r
        for r in project_item_list(user=track.world.officer_user, project=track.project, today=D(2026, 9, 30))
    }
    assert (rows["A"].light, rows["A"].remaining_days) == ("red", -1)
    assert rows["B"].remaining_days == 9  # 8, 9, 10 (make-up), 12–16, 19 October


def test_an_item_waiting_for_the_supplement_is_paused_and_a_closed_one_has_no_light(track, plan):
    w, driver = track.world, track.driver
    driver.days = [D(2026, 9, 21), D(2026, 9, 22), D(2026, 9, 28), D(2026, 9, 30)]
    driver.to(item_of(track.project, "A"), "supplement_requested")
    driver.days = [D(2026, 9, 21)]
    driver.to(item_of(track.project, "E"), "not_needed")
    assert lights(track.project, D(2026, 11, 20))["A"] == "paused"
    assert lights(track.project, D(2026, 11, 20))["E"] == "none"
    rows = {
        r.item.approval_item.code: r
        for r in project_item_list(user=w.officer_user, project=track.project, today=D(2026, 11, 20))
    }
    assert rows["A"].remaining_days == 3  # frozen while the enterprise supplements


def test_after_acceptance_the_light_follows_the_legal_clock_not_the_plan(track, plan):
    w, a = track.world, item_of(track.project, "A")
    project_item_prepare(actor=w.officer_user, project_item=a, at=at(D(2026, 9, 21)))
    provide_materials(w.applicant, a)
    project_item_submit(actor=w.officer_user, project_item=a, at=at(D(2026, 9, 22)))
    project_item_accept(actor=w.guide, project_item=a, at=at(D(2026, 9, 28)))
    assert item_of(track.project, "A").due_on == D(2026, 10, 10)
    assert lights(track.project, D(2026, 10, 9))["A"] == "yellow"  # the plan said 29 September
    assert lights(track.project, D(2026, 10, 12))["A"] == "red"


def test_a_missing_calendar_year_shows_as_a_problem_on_the_item_instead_of_failing(track):
    draft(track.world, track.project, D(2026, 12, 21))
    today = D(2026, 12, 29)
    ctx = light_context(today)
    assert not ctx.limit_complete and ctx.problem_year == 2027
    rows = {
        r.item.approval_item.code: r
        for r in project_item_list(user=track.world.officer_user, project=track.project, today=today)
    }
    assert rows["A"].light == "red"  # due 28 December
    assert rows["B"].light == "unknown"
    assert "2027年的节假日安排尚未录入" in rows["B"].calendar_problem
    assert rows["B"].remaining_days is None
    assert rows["E"].light == "red"  # due 24 December
    view = plan_view(user=track.world.officer_user, project=track.project, today=today)
    assert view.lights.worst == "red"


def test_the_worst_light_wins_and_counts_add_up():
    one = LightSummary({Light.GREEN: 2, Light.YELLOW: 1})
    two = LightSummary({Light.RED: 1, Light.PAUSED: 3})
    assert (one.worst, two.worst, (one + two).worst) == ("yellow", "red", "red")
    assert (one + two).counts[Light.GREEN] == 2
    assert LightSummary().worst == "none"


def test_stages_roll_up_their_items_lights(track, plan):
    view = plan_view(user=track.world.officer_user, project=track.project, today=MONDAY)
    worst = {s.stage: s.lights.worst for s in view.stages}
    assert worst == {
        "approval_land": "yellow",
        "construction_license": "green",
        "construction_permit": "green",
        "completion": "red",
    }
    assert view.lights.counts == {"yellow": 1, "green": 3, "red": 1}
    assert view.lights.worst == "red"


def test_an_acceptance_whose_limit_runs_into_an_unentered_year_shows_the_problem_until_the_year_is_entered(
    track, department
):
    w = track.world
    long_item = make_catalogue_item(w.center_admin, department, "L", limit=40, guide=w.guide)
    project = dispatched_project(w, name="长时限项目")
    draft(w, project, D(2026, 11, 2))
    item = item_of(project, long_item.code)
    driver = track.driver
    driver.days = [D(2026, 11, 16), D(2026, 11, 17), D(2026, 11, 20)]
    driver.to(item, "accepted")

    item = item_of(project, "L")
    assert (item.accepted_on, item.due_on, item.calendar_problem_year) == (D(2026, 11, 20), None, 2027)
    rows = {
        r.item.approval_item.code: r
        for r in project_item_list(user=w.guide, project=project, today=D(2026, 11, 26))
    }
    assert rows["L"].light == "unknown" and "2027" in rows["L"].calendar_problem
    assert officer_project_list(user=w.officer_user, today=D(2026, 12, 29))  # no crash at the year's end
    assert centre_overview(today=D(2026, 12, 29)).calendar_problem_year == 2027

    calendar_year_import(
        actor=w.center_admin,
        year=2027,
        notice="国办发明电〔2026〕7号",
        holidays=[(D(2027, 1, 1), "元旦")],
        workdays=[],
    )
    assert reminders_run(today=D(2026, 11, 26)).refreshed >= 1
    item = item_of(project, "L")
    assert item.due_on == add_working_days(D(2026, 11, 20), 40)
    assert item.calendar_problem_year is None


def test_the_case_expressions_give_the_same_light_as_the_conditions(track, plan):
    """Roll-ups use the first-match CASE (light_case, light_rank); filters use light_conditions."""
    track.driver.to(item_of(track.project, "A"), "supplement_requested")
    track.driver.to(item_of(track.project, "B"), "not_needed")
    qs = ProjectItem.objects.filter(project=track.project)
    seen = set()
    for today in (MONDAY, D(2026, 10, 27), D(2026, 11, 5), D(2026, 11, 20), D(2026, 12, 29)):
        ctx = light_context(today)
        by_case = dict(with_light(qs, ctx).values_list("pk", "light"))
        by_rank = {pk: SEVERITY[r] for pk, r in qs.annotate(r=light_rank(ctx)).values_list("pk", "r")}
        by_condition = {
            pk: light
            for light, condition in light_conditions(ctx).items()
            for pk in qs.filter(condition).values_list("pk", flat=True)
        }
        assert by_case == by_rank == by_condition
        assert len(by_condition) == qs.count()  # the conditions are a partition
        seen |= set(by_case.values())
    assert {Light.RED, Light.YELLOW, Light.GREEN, Light.PAUSED, Light.NONE} <= seen
