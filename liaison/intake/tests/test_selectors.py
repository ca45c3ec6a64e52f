"""What each role sees of projects and requests, and list pages in a constant number of queries."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from liaison.core.errors import NotFound
from liaison.intake.selectors.entrustments import (
    access_entrustment,
    entrustment_list,
    entrustment_status_counts,
)
from liaison.intake.selectors.projects import access_project, project_detail, project_list
from liaison.intake.services.dispatch import assignment_dispatch, assignment_reassign
from liaison.intake.services.entrustments import entrustment_save_draft
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    make_project,
    register_officer,
    request_in,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world):
    """Own enterprise: a draft, a submitted and a dispatched request; another enterprise: a submitted one."""
    draft = request_in("draft", applicant=world.applicant, admin=world.center_admin)
    submitted = request_in(
        "submitted",
        applicant=world.applicant,
        admin=world.center_admin,
        project=make_project(world.applicant, name="待受理"),
    )
    dispatched = request_in(
        "accepted",
        applicant=world.applicant,
        admin=world.center_admin,
        project=make_project(world.applicant, name="已派任"),
        officer=world.officer,
    )
    foreign = request_in(
        "submitted",
        applicant=world.other_applicant,
        admin=world.center_admin,
        project=make_project(world.other_applicant, name="他单位项目"),
    )
    return {"draft": draft, "submitted": submitted, "dispatched": dispatched, "foreign": foreign}


def names(qs) -> set[str]:
    return {e.project.name for e in qs}


@pytest.mark.parametrize("persona", ["center_admin", "center_leader", "supervisor", "project_office"])
def test_the_centre_and_oversight_see_every_submitted_request_but_no_draft(world, scene, persona):
    seen = names(entrustment_list(user=world.persona(persona)))
    assert seen == {"待受理", "已派任", "他单位项目"}
    with pytest.raises(NotFound):
        access_entrustment(world.persona(persona), scene["draft"].pk)


def test_the_enterprise_sees_its_own_requests_drafts_included_and_nothing_else(world, scene):
    assert names(entrustment_list(user=world.applicant)) == {"测试商业综合体", "待受理", "已派任"}
    assert access_entrustment(world.applicant, scene["draft"].pk) == scene["draft"]
    with pytest.raises(NotFound):
        access_entrustment(world.applicant, scene["foreign"].pk)


def test_an_officer_sees_only_the_requests_of_projects_assigned_to_it(world, scene):
    assert names(entrustment_list(user=world.officer_user)) == {"已派任"}
    with pytest.raises(NotFound):
        access_entrustment(world.officer_user, scene["submitted"].pk)


@pytest.mark.parametrize("persona", ["guide", "department_admin"])
def test_guides_and_department_admins_see_no_requests(world, scene, persona):
    assert not entrustment_list(user=world.persona(persona)).exists()
    assert not project_list(user=world.persona(persona)).exists()


def test_an_anonymous_visitor_sees_nothing(scene):
    assert not entrustment_list(user=AnonymousUser()).exists()
    assert not project_list(user=AnonymousUser()).exists()
    with pytest.raises(NotFound):
        access_project(AnonymousUser(), scene["submitted"].project_id)


def test_a_missing_request_looks_like_a_forbidden_one(world):
    with pytest.raises(NotFound, match="申请不存在"):
        access_entrustment(world.center_admin, 999999)


def test_the_queue_filters_by_state_and_text_and_counts_each_state(world, scene):
    admin = world.center_admin
    assert names(entrustment_list(user=admin, status="submitted")) == {"待受理", "他单位项目"}
    assert names(entrustment_list(user=admin, q="他单位")) == {"他单位项目"}
    assert names(entrustment_list(user=admin, q="翠湖")) == {"他单位项目"}  # by enterprise name
    assert entrustment_status_counts(user=admin) == {"submitted": 2, "accepted": 1}
    assert entrustment_status_counts(user=world.applicant) == {"draft": 1, "submitted": 1, "accepted": 1}


def test_my_projects_lists_the_officers_current_projects_only(world, scene):
    other = register_officer(world.center_admin, "t_next")
    project = scene["dispatched"].project
    assert [p.name for p in project_list(user=world.officer_user, mine=True)] == ["已派任"]

    assignment_reassign(actor=world.center_admin, project=project, lead=other, reason="调整")

    assert not project_list(user=world.officer_user, mine=True).exists()
    with pytest.raises(NotFound):
        access_project(world.officer_user, project.pk)
    assert access_project(other.user, project.pk) == project


def test_the_project_page_shows_requests_officers_past_and_present_and_contacts(world, scene):
    other = register_officer(world.center_admin, "t_next")
    project = scene["dispatched"].project
    assignment_reassign(actor=world.center_admin, project=project, lead=other, reason="调整")

    detail = project_detail(project)

    assert [(a.officer, a.is_active) for a in detail["assignments"]] == [
        (other, True),
        (world.officer, False),
    ]
    assert {c.role for c in detail["contacts"]} == {"lead", "handler"}
    assert detail["entrustments"][0].status == "accepted"


def test_list_pages_take_a_constant_number_of_queries(world, django_assert_max_num_queries):
    officers = [register_officer(world.center_admin, f"t_l{n}") for n in range(5)]
    for n, officer in enumerate(officers):
        project = make_project(world.applicant, name=f"项目{n}")
        request_in("accepted", applicant=world.applicant, admin=world.center_admin, project=project)
        assignment_dispatch(
            actor=world.center_admin, project=project, lead=officer, assistants=[world.officer]
        )
    entrustment_save_draft(
        actor=world.applicant, project=make_project(world.applicant, name="草稿"), scope="full"
    )

    with django_assert_max_num_queries(4):
        rows = [
            (
                p.name,
                p.enterprise.name,
                [a.officer.user.full_name for a in p.active_assignments],
                len(p.entrustment_history),
            )
            for p in project_list(user=world.center_admin)
        ]
    assert len(rows) == 6
    with django_assert_max_num_queries(2):
        queue = [
            (e.project.name, e.project.enterprise.name, e.get_status_display())
            for e in entrustment_list(user=world.center_admin)
        ]
    assert len(queue) == 5
