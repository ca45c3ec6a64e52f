"""Dispatch (派任): lead and assistants, suspended officers refused, reassignment with reason and history."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.intake.models import Assignment, AssignmentRole
from liaison.intake.services.dispatch import assignment_dispatch, assignment_reassign
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    footprint,
    has_chinese,
    register_officer,
    request_in,
    world,
)
from liaison.officers.services.officer_status import officer_reinstate, officer_suspend

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(world):
    return [world.officer, *(register_officer(world.center_admin, f"t_o{n}") for n in range(2, 5))]


@pytest.fixture
def accepted(world):
    return request_in("accepted", applicant=world.applicant, admin=world.center_admin).project


def test_a_lead_and_assistants_are_dispatched_under_one_order_number(world, team, accepted):
    rows = assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0], assistants=team[1:3])

    assert [(a.officer, a.role) for a in rows] == [
        (team[0], AssignmentRole.LEAD),
        (team[1], AssignmentRole.ASSISTANT),
        (team[2], AssignmentRole.ASSISTANT),
    ]
    assert {a.order_number for a in rows} == {f"{accepted.service_number}-01"}
    assert all(a.is_active and a.assigned_by == world.center_admin for a in rows)
    event = AuditEvent.objects.get(action="assignment.dispatch")
    assert event.changes["diff"]["lead"] == [None, team[0].number]


def test_a_lead_alone_is_enough(world, team, accepted):
    rows = assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0])
    assert len(rows) == 1 and rows[0].role == AssignmentRole.LEAD


@pytest.mark.parametrize("state", ["draft", "submitted", "returned", "rejected", "withdrawn"])
def test_only_an_accepted_project_can_be_dispatched(world, team, state):
    project = request_in(state, applicant=world.applicant, admin=world.center_admin).project
    before = footprint()
    with pytest.raises(DomainError, match="尚未受理"):
        assignment_dispatch(actor=world.center_admin, project=project, lead=team[0])
    assert footprint() == before


@pytest.mark.parametrize("as_lead", [True, False], ids=["as-lead", "as-assistant"])
def test_a_suspended_officer_cannot_be_assigned(world, team, accepted, as_lead):
    officer_suspend(actor=world.center_admin, officer=team[1], reason="长期病假")
    before = footprint()

    with pytest.raises(DomainError, match="暂停派任") as caught:
        if as_lead:
            assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[1])
        else:
            assignment_dispatch(
                actor=world.center_admin, project=accepted, lead=team[0], assistants=[team[1]]
            )

    assert caught.value.field == ("lead" if as_lead else "assistants")
    assert footprint() == before
    officer_reinstate(actor=world.center_admin, officer=team[1], reason="已返岗")
    assert assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[1])


def test_the_same_officer_cannot_be_lead_and_assistant(world, team, accepted):
    with pytest.raises(DomainError, match="不能重复派任"):
        assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0], assistants=[team[0]])
    assert not Assignment.objects.exists()


def test_a_project_already_dispatched_is_a_conflict_naming_who_dispatched(world, team, accepted):
    assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0])
    before = footprint()
    with pytest.raises(Conflict, match="已由 中心管理员 派任联络官"):
        assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[1])
    assert footprint() == before


@pytest.mark.parametrize(
    ("persona", "error"),
    [
        ("center_leader", PermissionDenied),
        ("supervisor", PermissionDenied),
        ("project_office", PermissionDenied),
        ("applicant", PermissionDenied),
        ("officer_user", NotFound),
        ("guide", NotFound),
        ("department_admin", NotFound),
        ("other_applicant", NotFound),
    ],
)
def test_only_the_centre_dispatches(world, team, accepted, persona, error):
    before = footprint()
    with pytest.raises(error) as caught:
        assignment_dispatch(actor=world.persona(persona), project=accepted, lead=team[0])
    assert has_chinese(caught.value.message)
    assert footprint() == before


def test_reassignment_needs_a_reason(world, team, accepted):
    assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0])
    before = footprint()
    with pytest.raises(DomainError, match="须填写原因") as caught:
        assignment_reassign(actor=world.center_admin, project=accepted, lead=team[1], reason="  ")
    assert caught.value.field == "reason"
    assert footprint() == before


def test_reassignment_ends_the_old_rows_with_reason_and_time_and_keeps_history(world, team, accepted):
    first = assignment_dispatch(
        actor=world.center_admin, project=accepted, lead=team[0], assistants=[team[1]]
    )

    second = assignment_reassign(
        actor=world.center_admin, project=accepted, lead=team[1], assistants=[team[2]], reason="原主办调岗"
    )

    ended = Assignment.objects.filter(pk__in=[a.pk for a in first])
    assert all(not a.is_active and a.end_reason == "原主办调岗" and a.ended_at for a in ended)
    assert [(a.officer, a.role) for a in second] == [(team[1], "lead"), (team[2], "assistant")]
    assert {a.order_number for a in second} == {f"{accepted.service_number}-02"}
    assert Assignment.objects.filter(project=accepted).count() == 4
    event = AuditEvent.objects.get(action="assignment.reassign")
    assert event.changes["diff"]["lead"] == [team[0].number, team[1].number]


def test_reassignment_notifies_the_old_and_new_officers_and_the_enterprise(world, team, accepted):
    assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0], assistants=[team[1]])

    assignment_reassign(
        actor=world.center_admin, project=accepted, lead=team[1], assistants=[team[2]], reason="调岗"
    )

    from liaison.notifications.models import Notification

    told = set(
        Notification.objects.filter(kind="assignment.reassigned").values_list("recipient_id", flat=True)
    )
    assert told == {team[0].user_id, team[1].user_id, team[2].user_id, world.applicant.pk}
    assert "调岗" in Notification.objects.filter(kind="assignment.reassigned").first().body


def test_reassigning_the_same_team_is_refused(world, team, accepted):
    assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0], assistants=[team[1]])
    before = footprint()
    with pytest.raises(DomainError, match="没有变化"):
        assignment_reassign(
            actor=world.center_admin, project=accepted, lead=team[0], assistants=[team[1]], reason="无"
        )
    assert footprint() == before


def test_reassignment_of_a_project_not_yet_dispatched_is_refused(world, team, accepted):
    with pytest.raises(DomainError, match="尚未派任"):
        assignment_reassign(actor=world.center_admin, project=accepted, lead=team[0], reason="调整")


def test_a_suspended_officer_cannot_be_brought_in_by_reassignment(world, team, accepted):
    assignment_dispatch(actor=world.center_admin, project=accepted, lead=team[0])
    officer_suspend(actor=world.center_admin, officer=team[1], reason="停职")
    before = footprint()
    with pytest.raises(DomainError, match="暂停派任"):
        assignment_reassign(actor=world.center_admin, project=accepted, lead=team[1], reason="调整")
    assert footprint() == before


def test_too_many_assistants_are_refused(world, team, accepted):
    extra = [register_officer(world.center_admin, f"t_x{n}") for n in range(3)]
    with pytest.raises(DomainError, match="最多 4 名"):
        assignment_dispatch(
            actor=world.center_admin, project=accepted, lead=team[0], assistants=[*team[1:], *extra]
        )
