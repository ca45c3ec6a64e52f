"""Ranked officer suggestions for a dispatch: lighter open workload and stage/department experience, with reasons."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest

from liaison.catalogue.models import ApprovalItem
from liaison.intake.selectors.suggestions import officer_suggestions
from liaison.intake.services.dispatch import assignment_dispatch, assignment_reassign
from liaison.intake.services.entrustments import entrustment_save_draft, entrustment_submit
from liaison.intake.services.review import entrustment_accept
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    make_project,
    register_officer,
    request_in,
    world,
)
from liaison.officers.services.officer_status import officer_suspend

pytestmark = pytest.mark.django_db


@pytest.fixture
def planning_item(other_department):
    return ApprovalItem.objects.create(
        code="NRB-010",
        name="建设工程规划许可证核发",
        department=other_department,
        stage="construction_license",
        time_limit_days=10,
    )


def accepted_partial(world, name: str, item: ApprovalItem | None = None, stages: tuple[str, ...] = ()):
    project = make_project(world.applicant, name=name, current_stage="construction_license")
    draft = entrustment_save_draft(
        actor=world.applicant,
        project=project,
        scope="partial",
        item_ids=[item.pk] if item else [],
        stages=list(stages),
    )
    entrustment_submit(actor=world.applicant, entrustment=draft, accept_terms=True)
    entrustment_accept(actor=world.center_admin, entrustment=draft)
    return project


def ranked(project):
    return [s.officer.number for s in officer_suggestions(project=project)]


def test_an_officer_with_a_lighter_open_workload_is_offered_first(world):
    busy, free = world.officer, register_officer(world.center_admin, "t_free")
    for n in range(2):
        project = accepted_partial(world, f"竣工阶段{n}", stages=("completion",))
        assignment_dispatch(actor=world.center_admin, project=project, lead=busy)
    target = accepted_partial(world, "立项阶段", stages=("approval_land",))

    suggestions = officer_suggestions(project=target)

    assert ranked(target)[:2] == [free.number, busy.number]
    by_officer = {s.officer.pk: s for s in suggestions}
    assert by_officer[busy.pk].open_projects == 2
    assert "在办项目 2 个" in by_officer[busy.pk].reasons
    assert "在办项目 0 个" in by_officer[free.pk].reasons


def test_experience_with_the_same_stage_and_department_ranks_an_officer_higher(world, planning_item):
    seasoned = register_officer(world.center_admin, "t_seasoned")
    novice = register_officer(world.center_admin, "t_novice")
    relief = register_officer(world.center_admin, "t_relief")
    past = accepted_partial(world, "已服务项目", planning_item)
    assignment_dispatch(actor=world.center_admin, project=past, lead=seasoned)
    assignment_reassign(
        actor=world.center_admin, project=past, lead=relief, reason="工作调整"
    )  # now free again
    target = accepted_partial(world, "新项目", planning_item)

    suggestions = {s.officer.pk: s for s in officer_suggestions(project=target)}

    top = officer_suggestions(project=target)[0]
    assert top.officer == seasoned
    assert (top.open_projects, top.stage_experience, top.department_experience) == (0, 1, 1)
    assert "办理过本项目的 1 个委托阶段" in top.reasons
    assert "与本项目涉及的 1 个部门打过交道" in top.reasons
    assert suggestions[novice.pk].score < top.score
    assert "暂无相同阶段或部门的服务经历" in suggestions[novice.pk].reasons


def test_suspended_officers_are_not_suggested(world):
    officer_suspend(actor=world.center_admin, officer=world.officer, reason="停职")
    target = request_in("accepted", applicant=world.applicant, admin=world.center_admin).project
    assert world.officer.number not in ranked(target)


def test_suggestions_take_a_constant_number_of_queries(world, planning_item, django_assert_max_num_queries):
    target = accepted_partial(world, "目标", planning_item)
    for n in range(6):
        officer = register_officer(world.center_admin, f"t_q{n}")
        project = accepted_partial(world, f"历史{n}", planning_item)
        assignment_dispatch(actor=world.center_admin, project=project, lead=officer)

    with django_assert_max_num_queries(6):
        suggestions = officer_suggestions(project=target)
    assert len(suggestions) == 7
