"""Drafting the service plan from the entrustment scope: items, prerequisite order, working-day dates."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.entrustments import entrustment_save_draft, entrustment_submit
from liaison.intake.services.review import entrustment_accept
from liaison.intake.tests.test_services_support import make_project, request_in
from liaison.tracking.models import MaterialSubmission, ProjectItem, ServicePlan
from liaison.tracking.scheduling import Node, plan_order, schedule
from liaison.tracking.selectors.plans import plan_view
from liaison.tracking.services.calendar_retry import calendar_problems_retry
from liaison.tracking.services.plans import plan_draft_from_entrustment, plan_item_add
from liaison.tracking.tests.builders import draft, item_of, make_catalogue_item
from liaison.tracking.tests.conftest import START
from liaison.workcal.services.overrides import calendar_year_import

pytestmark = pytest.mark.django_db
D = dt.date


def dates(project, code):
    item = item_of(project, code)
    return item.planned_start, item.planned_due


def test_a_full_entrustment_plans_every_active_item_of_all_four_stages_prerequisites_first(track):
    draft(track.world, track.project, START)

    codes = list(
        ProjectItem.objects.filter(project=track.project)
        .order_by("order")
        .values_list("approval_item__code", flat=True)
    )
    assert codes == ["A", "B", "C", "D", "E"]


def test_planned_dates_count_working_days_and_dependents_start_when_their_prerequisites_are_due(track):
    draft(track.world, track.project, START)
    p = track.project

    assert dates(p, "A") == (D(2026, 9, 21), D(2026, 9, 29))  # Mid-Autumn 25–27 September skipped
    assert dates(p, "B") == (D(2026, 9, 29), D(2026, 10, 19))  # National Day skipped, 10 October worked
    assert dates(p, "C") == (D(2026, 10, 19), D(2026, 10, 29))
    assert dates(p, "D") == (D(2026, 10, 29), D(2026, 11, 9))
    assert dates(p, "E") == (D(2026, 9, 21), D(2026, 9, 24))  # no prerequisite: starts with the plan


def test_the_plan_rolls_up_projected_completion_per_stage_and_for_the_project(track):
    draft(track.world, track.project, START)
    view = plan_view(user=track.world.officer_user, project=track.project, today=START)

    ends = {s.stage: s.planned_end for s in view.stages}
    assert ends == {
        "approval_land": D(2026, 10, 19),
        "construction_license": D(2026, 10, 29),
        "construction_permit": D(2026, 11, 9),
        "completion": D(2026, 9, 24),
    }
    assert view.planned_end == D(2026, 11, 9)
    assert view.links  # prerequisites as links for the Gantt chart
    b, a = item_of(track.project, "B"), item_of(track.project, "A")
    assert (b.pk, a.pk) in view.links


def test_each_plan_item_gets_its_checklist_copied_from_the_catalogue(track):
    draft(track.world, track.project, START)
    a = item_of(track.project, "A")

    rows = list(a.materials.order_by("seq").values_list("name", "required", "status"))
    assert rows == [("A申请表", True, "missing"), ("A附件", False, "missing")]
    assert MaterialSubmission.objects.filter(project_item__project=track.project).count() == 10


def test_drafting_is_audited(track):
    plan = draft(track.world, track.project, START)
    event = AuditEvent.objects.get(action="plan.draft")
    assert event.object_id == str(plan.pk)
    assert event.changes["diff"]["items"][1] == ["A", "B", "C", "D", "E"]


def _partial(world, *, stages, item_ids):
    project = make_project(world.applicant, name="部分委托项目")
    e = entrustment_save_draft(
        actor=world.applicant, project=project, scope="partial", stages=stages, item_ids=item_ids
    )
    entrustment_submit(actor=world.applicant, entrustment=e, accept_terms=True)
    entrustment_accept(actor=world.center_admin, entrustment=e)
    assignment_dispatch(actor=world.center_admin, project=project, lead=world.officer)
    return project


def test_a_partial_entrustment_plans_the_chosen_items_and_the_items_of_chosen_stages(track):
    project = _partial(track.world, stages=["construction_permit"], item_ids=[track.items["A"].pk])
    draft(track.world, project, START)

    codes = set(ProjectItem.objects.filter(project=project).values_list("approval_item__code", flat=True))
    assert codes == {"A", "D"}  # B shares A's stage but was not chosen; D is the chosen stage's item


def test_prerequisites_outside_the_plan_are_ignored(track):
    project = _partial(track.world, stages=["construction_permit"], item_ids=[track.items["A"].pk])
    draft(track.world, project, START)

    assert dates(project, "D") == (START, D(2026, 10, 8))  # D needs C, which is not in this plan


def test_an_item_added_later_is_placed_after_its_prerequisites_and_moves_its_dependents(track):
    project = _partial(track.world, stages=["construction_permit"], item_ids=[track.items["A"].pk])
    draft(track.world, project, START)

    row = plan_item_add(actor=track.world.officer_user, project=project, approval_item=track.items["C"])

    assert row.approval_item.code == "C"
    assert dates(project, "C") == (START, D(2026, 10, 9))
    assert dates(project, "D")[0] == D(2026, 10, 9)
    assert ServicePlan.objects.get(project=project).changed_since_version
    with pytest.raises(DomainError, match="已在方案中"):
        plan_item_add(actor=track.world.officer_user, project=project, approval_item=track.items["C"])


def test_the_order_follows_prerequisites_even_against_the_stage_order():
    nodes = [
        Node("early_stage_item", 3, frozenset({"late_stage_item"}), rank=(0,)),
        Node("late_stage_item", 3, rank=(3,)),
        Node("other", 3, rank=(1,)),
    ]
    assert plan_order(nodes) == ["other", "late_stage_item", "early_stage_item"]


@pytest.mark.django_db
def test_a_pinned_start_is_kept_unless_a_prerequisite_ends_later():
    nodes = [
        Node("a", 5),
        Node("b", 2, frozenset({"a"}), pinned_start=D(2026, 9, 22)),
        Node("c", 2, pinned_start=D(2026, 10, 12)),
    ]
    slots = schedule(nodes, start=START)
    assert slots["b"].start == D(2026, 9, 29)  # a is due then; the earlier pin gives way
    assert slots["c"].start == D(2026, 10, 12)


def test_only_the_assigned_officer_or_the_centre_may_draft(track):
    w = track.world
    with pytest.raises(NotFound):
        plan_draft_from_entrustment(actor=track.other_officer.user, project=track.project, start_date=START)
    with pytest.raises(NotFound):
        plan_draft_from_entrustment(actor=w.guide, project=track.project, start_date=START)
    for actor in (w.applicant, w.supervisor, w.center_leader):
        with pytest.raises(PermissionDenied):
            plan_draft_from_entrustment(actor=actor, project=track.project, start_date=START)
    assert not ServicePlan.objects.exists()
    assert plan_draft_from_entrustment(actor=w.center_admin, project=track.project, start_date=START)


def test_a_project_without_an_officer_cannot_have_a_plan_yet(track):
    project = request_in("accepted", applicant=track.world.applicant, admin=track.world.center_admin).project
    with pytest.raises(DomainError, match="尚未派任"):
        plan_draft_from_entrustment(actor=track.world.center_admin, project=project, start_date=START)
    assert not ProjectItem.objects.filter(project=project).exists()


def test_a_plan_is_drafted_once(track):
    draft(track.world, track.project, START)
    with pytest.raises(Conflict, match="已有服务方案"):
        draft(track.world, track.project, START)
    assert ServicePlan.objects.count() == 1


@pytest.mark.parametrize("bad", [None, "2026-09-21", dt.datetime(2026, 9, 21, 9, tzinfo=dt.UTC)])
def test_a_plan_needs_a_real_start_date(track, bad):
    with pytest.raises(DomainError) as caught:
        draft(track.world, track.project, bad)
    assert caught.value.field == "start_date"
    assert not ProjectItem.objects.exists()


def test_dates_the_calendar_cannot_give_are_left_open_and_filled_once_the_year_is_entered(track):
    draft(track.world, track.project, D(2026, 12, 21))
    p = track.project

    assert dates(p, "A") == (D(2026, 12, 21), D(2026, 12, 28))
    assert dates(p, "B") == (D(2026, 12, 28), None)
    assert dates(p, "C") == (None, None)  # waits for B
    assert item_of(p, "C").calendar_problem_year == 2027
    view = plan_view(user=track.world.officer_user, project=p, today=D(2026, 12, 21))
    assert "2027年的节假日安排尚未录入" in view.calendar_problem
    assert view.planned_end is None

    calendar_year_import(
        actor=track.world.center_admin,
        year=2027,
        notice="国办发明电〔2026〕7号",
        holidays=[(D(2027, 1, 1), "元旦")],
        workdays=[],
    )
    assert calendar_problems_retry() == 3

    assert dates(p, "B") == (D(2026, 12, 28), D(2027, 1, 12))  # 29–31 Dec, then 1 Jan off
    assert item_of(p, "D").planned_due is not None
    assert item_of(p, "D").calendar_problem_year is None


def test_a_catalogue_item_made_later_is_not_in_an_existing_plan(track, department):
    draft(track.world, track.project, START)
    make_catalogue_item(track.world.center_admin, department, "F")
    assert not ProjectItem.objects.filter(approval_item__code="F").exists()
