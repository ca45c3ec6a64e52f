"""Invitations open on the events they listen to (一事一评): a finished item invites the evaluation of the
department's service and its guide, an ended service the officer's; once each, told to the enterprise."""

from __future__ import annotations

import pytest

from liaison.evaluation.models import Invitation, SubjectKind
from liaison.evaluation.tests.support import complete_service, finish_item, terminate_service
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_an_approved_item_invites_the_department_and_guide_evaluation(case):
    finish_item(case, "approved")
    inv = Invitation.objects.get(kind=SubjectKind.ITEM)
    assert inv.project_item_id == case.item.pk
    assert inv.department_id == case.item.approval_item.department_id
    assert inv.guide_id == case.world.guide.pk
    assert inv.officer.user_id == case.world.officer_user.pk
    assert inv.due_on is not None and inv.evaluated_at is None
    assert Notification.objects.filter(recipient=case.world.applicant, kind="evaluation.invited").count() == 1


@pytest.mark.parametrize("state", ["not_approved", "withdrawn"])
def test_refused_or_withdrawn_items_are_evaluated_too(case, state):
    finish_item(case, state)
    assert Invitation.objects.filter(kind=SubjectKind.ITEM, project_item=case.item).count() == 1


def test_an_item_dropped_as_not_needed_has_nothing_to_evaluate(case):
    finish_item(case, "not_needed")
    assert not Invitation.objects.filter(kind=SubjectKind.ITEM).exists()


def test_a_completed_service_invites_the_officer_evaluation_once(case):
    inv = complete_service(case)
    assert inv.outcome == "completed"
    assert inv.officer.user_id == case.world.officer_user.pk
    assert Invitation.objects.filter(kind=SubjectKind.SERVICE).count() == 1


def test_a_terminated_service_is_evaluated_as_well(case):
    inv = terminate_service(case)
    assert inv.outcome == "terminated"
    # the open item was withdrawn by the termination: the department's service is invited too
    assert Invitation.objects.filter(kind=SubjectKind.ITEM, project_item=case.item).exists()
