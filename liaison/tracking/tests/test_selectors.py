"""Selectors for the pages: item lists, to-do lists, the officer's projects, the centre's overview.

The list selectors issue the same number of queries whatever the number of rows (asserted here).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.core.errors import NotFound
from liaison.directory.models import User
from liaison.intake.tests.test_services_support import register_enterprise
from liaison.tracking.lights import tracking_settings
from liaison.tracking.selectors.dashboards import centre_overview, officer_project_list
from liaison.tracking.selectors.items import (
    access_project_item,
    project_item_list,
    project_item_todo_list,
    project_item_visible_to,
)
from liaison.tracking.selectors.plans import plan_view
from liaison.tracking.services.plans import plan_draft_from_entrustment
from liaison.tracking.tests.builders import dispatched_project, draft, item_of, make_catalogue_item
from liaison.tracking.tests.conftest import START

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 9, 28)


def fresh(user):
    return User.objects.get(pk=user.pk)  # no cached roles: the count includes reading them


def count(call):
    with CaptureQueriesContext(connection) as ctx:
        call()
    return len(ctx.captured_queries)


def test_a_projects_item_list_costs_the_same_queries_for_5_or_25_items(
    track, department, django_assert_max_num_queries
):
    w = track.world
    draft(w, track.project, START)
    tracking_settings()  # created on first use; the counts compare reads only
    small = count(lambda: project_item_list(user=fresh(w.officer_user), project=track.project, today=MONDAY))
    for n in range(20):
        make_catalogue_item(w.center_admin, department, f"X{n:02d}", guide=w.guide)
    big_project = dispatched_project(w, name="大项目")
    draft(w, big_project, START)
    track.driver.to(item_of(big_project, "X00"), "supplement_requested")
    rows = []
    big = count(
        lambda: rows.extend(project_item_list(user=fresh(w.officer_user), project=big_project, today=MONDAY))
    )
    assert len(rows) == 25
    assert big == small
    with django_assert_max_num_queries(12):
        project_item_list(user=fresh(w.guide), project=big_project, today=MONDAY)


def test_the_item_list_carries_everything_a_row_shows(track):
    w = track.world
    draft(w, track.project, START)
    track.driver.to(item_of(track.project, "A"), "preparing")
    rows = {
        r.item.approval_item.code: r
        for r in project_item_list(user=w.officer_user, project=track.project, today=MONDAY)
    }
    a = rows["A"]
    assert (a.light, a.remaining_days, a.guide_name) == ("yellow", 1, "指导员甲")
    assert (a.materials_total, a.materials_ready, a.materials_flawed) == (2, 1, 0)
    assert {t.name for t in a.actions} == {"submit", "mark_not_needed", "withdraw"}
    assert not rows["B"].open_proposal
    assert rows["E"].guide_name == "指导员乙"


def test_a_guide_lists_only_their_own_items_of_a_project(track, second_guide):
    draft(track.world, track.project, START)
    rows = project_item_list(user=second_guide, project=track.project, today=MONDAY)
    assert [r.item.approval_item.code for r in rows] == ["E"]
    assert [t.name for t in rows[0].actions] == []  # planned: nothing for the guide yet


def test_todo_lists_show_what_waits_for_the_officer_and_for_the_guide_most_urgent_first(track):
    w = track.world
    draft(w, track.project, START)
    track.driver.to(item_of(track.project, "B"), "submitted")
    officer = [r.item.approval_item.code for r in project_item_todo_list(user=w.officer_user, today=MONDAY)]
    guide = [r.item.approval_item.code for r in project_item_todo_list(user=w.guide, today=MONDAY)]
    assert officer == ["E", "A", "C", "D"]  # red, yellow, then green by due date
    assert guide == ["B"]


def test_items_are_visible_per_role_and_missing_looks_like_forbidden(track, second_guide):
    w = track.world
    draft(w, track.project, START)
    a = item_of(track.project, "A")
    for user in (w.officer_user, w.guide, w.applicant, w.supervisor, w.center_admin, w.project_office):
        assert access_project_item(user, a.pk) == a
        assert project_item_visible_to(user).filter(pk=a.pk).exists()
    for user in (second_guide, track.other_officer.user, register_enterprise("别家公司")):
        with pytest.raises(NotFound):
            access_project_item(user, a.pk)
        assert not project_item_visible_to(user).filter(pk=a.pk).exists()
    with pytest.raises(NotFound):
        access_project_item(w.center_admin, a.pk + 1000)


def test_the_officers_projects_with_their_lights_cost_the_same_queries_for_1_or_4_projects(
    track, django_assert_max_num_queries
):
    w = track.world
    draft(w, track.project, START)
    tracking_settings()
    one = count(lambda: officer_project_list(user=fresh(w.officer_user), today=MONDAY))
    for n in range(3):
        draft(w, dispatched_project(w, name=f"项目{n}"), START)
    dispatched_project(w, name="未制定方案的项目")
    rows = []
    four = count(lambda: rows.extend(officer_project_list(user=fresh(w.officer_user), today=MONDAY)))
    assert four == one
    with django_assert_max_num_queries(8):
        officer_project_list(user=fresh(w.officer_user), today=MONDAY)
    assert len(rows) == 5
    assert rows[-1].stage == "unplanned"
    top = rows[0]
    assert (top.worst, top.lights.counts["red"], top.lights.counts["yellow"], top.open_items) == (
        "red",
        1,
        1,
        5,
    )
    assert top.stage == "approval_land" and top.role == "lead"
    assert officer_project_list(user=track.other_officer.user, today=MONDAY) == []


def test_the_centre_overview_counts_projects_by_stage_and_light_overdue_by_department_and_officer_load(
    track, django_assert_max_num_queries
):
    w = track.world
    draft(w, track.project, START)
    tracking_settings()
    first = count(lambda: centre_overview(today=MONDAY))
    other = dispatched_project(w, name="第二个项目", officer=track.other_officer)
    plan_draft_from_entrustment(actor=track.other_officer.user, project=other, start_date=START)
    driver = track.driver
    driver.officer = track.other_officer.user
    driver.to(item_of(other, "A"), "approved")
    driver.to(item_of(other, "B"), "not_needed")
    overview = None

    def run():
        nonlocal overview
        overview = centre_overview(today=MONDAY)

    dispatched_project(w, name="未制定方案的项目")
    assert count(run) == first
    with django_assert_max_num_queries(
        11
    ):  # thresholds (2), then grouped queries over roll-ups and the index
        run()
    assert overview.by_stage["unplanned"]["none"] == 1
    assert sum(sum(lights.values()) for lights in overview.by_stage.values()) == 3
    assert overview.by_stage["approval_land"]["red"] == 1  # the first project: E is overdue
    assert overview.by_stage["construction_license"]["red"] == 1  # the second project's first open item is C
    assert overview.overdue_by_department == [("区发展和改革局", 2)]
    loads = {load.officer.user.username: load for load in overview.officers}
    assert (loads["t_officer"].projects, loads["t_officer"].open_items) == (2, 5)  # one without a plan yet
    assert (loads["t_other_officer"].projects, loads["t_other_officer"].open_items) == (1, 3)
    assert loads["t_officer"].lights.counts["yellow"] == 1
    assert overview.items.counts["none"] == 2


def test_the_plan_view_costs_the_same_queries_for_5_or_25_items(track, department):
    w = track.world
    draft(w, track.project, START)
    tracking_settings()
    small = count(lambda: plan_view(user=fresh(w.applicant), project=track.project, today=MONDAY))
    for n in range(20):
        make_catalogue_item(w.center_admin, department, f"Y{n:02d}", guide=w.guide)
    big_project = dispatched_project(w, name="大项目")
    draft(w, big_project, START)
    assert count(lambda: plan_view(user=fresh(w.applicant), project=big_project, today=MONDAY)) == small


def test_the_todo_list_costs_the_same_queries_whatever_its_length(track):
    w = track.world
    draft(w, track.project, START)
    tracking_settings()
    one = count(lambda: project_item_todo_list(user=fresh(w.officer_user), today=MONDAY))
    for n in range(3):
        draft(w, dispatched_project(w, name=f"项目{n}"), START)
    rows = []
    assert count(lambda: rows.extend(project_item_todo_list(user=fresh(w.officer_user), today=MONDAY))) == one
    assert len(rows) == 20


def test_the_todo_limit_keeps_the_most_urgent_rows_not_the_earliest_due(track):
    """Limiting happens in SQL before the materials are counted: it must cut the urgency order, not the
    due-date order (an item paused for the supplement with an early date must not push out a green one)."""
    w = track.world
    draft(w, track.project, START)
    track.driver.to(item_of(track.project, "A"), "supplement_requested")
    full = [r.item.approval_item.code for r in project_item_todo_list(user=w.officer_user, today=MONDAY)]
    assert full == ["E", "B", "C", "D", "A"]  # red, then green by due date, then paused
    for n in range(1, len(full) + 1):
        rows = project_item_todo_list(user=w.officer_user, today=MONDAY, limit=n)
        assert [r.item.approval_item.code for r in rows] == full[:n]
    top = project_item_todo_list(user=w.officer_user, today=MONDAY, limit=2)
    assert [(r.materials_total, r.light) for r in top] == [(2, "red"), (2, "green")]


def test_the_overview_limited_to_the_busiest_officers_is_the_head_of_the_full_list(track):
    from liaison.intake.tests.test_services_support import register_officer
    from liaison.tracking.selectors.dashboards import centre_overview

    for n in range(3):
        register_officer(track.world.center_admin, f"busy{n}")
    full = centre_overview()
    head = centre_overview(officers_limit=2)
    assert full.officers_total == len(full.officers) >= 4
    assert head.officers == full.officers[:2] and head.officers_total == full.officers_total
    assert (head.by_stage, head.items, head.overdue_by_department) == (
        full.by_stage,
        full.items,
        full.overdue_by_department,
    )


def test_choice_label_shows_what_get_display_shows_for_every_choice(track):
    from liaison.core.templatetags.choices import choice_label
    from liaison.tracking.models import ProjectItem, ProjectItemState

    draft(track.world, track.project, START)
    item = ProjectItem.objects.filter(project=track.project).first()
    assert item is not None
    for state in [*ProjectItemState.values, "no-such-state"]:
        item.state = state
        assert choice_label(item, "state") == item.get_state_display()
