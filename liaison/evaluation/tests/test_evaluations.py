"""Who may evaluate what and when, the 24-hour rule, bad reviews need a reason and open their follow-up,
and no staff path writes an evaluation. Refusals leave nothing behind."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError, NotFound
from liaison.evaluation.models import (
    BadReviewReason,
    Evaluation,
    EvaluationComment,
    FollowUp,
    Invitation,
    Level,
)
from liaison.evaluation.services.evaluations import evaluation_change, evaluation_comment_add, evaluation_give
from liaison.evaluation.tests.support import complete_service, finish_item
from liaison.notifications.models import Notification

pytestmark = pytest.mark.django_db
STAFF = [
    "center_admin",
    "center_leader",
    "supervisor",
    "project_office",
    "officer_user",
    "guide",
    "department_admin",
]


def _reason() -> BadReviewReason:
    return BadReviewReason.objects.filter(is_active=True).first()


def test_the_enterprise_evaluates_a_completed_service_and_the_officer_hears_without_the_name(case):
    inv = complete_service(case)
    w = case.world
    e = evaluation_give(actor=w.applicant, invitation_id=inv.pk, level=Level.SATISFIED, text="很及时")
    assert e.level == 4 and not e.is_bad
    assert Invitation.objects.get(pk=inv.pk).evaluated_at is not None
    told = Notification.objects.get(recipient=w.officer_user, kind="evaluation.received")
    assert w.applicant.username not in told.title and (w.applicant.full_name or "@@") not in told.title
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize("persona", [*STAFF, "other_applicant"])
def test_nobody_but_the_project_enterprise_can_evaluate(case, persona):
    inv = complete_service(case)
    with pytest.raises(NotFound):
        evaluation_give(actor=getattr(case.world, persona), invitation_id=inv.pk, level=Level.VERY_SATISFIED)
    assert not Evaluation.objects.exists()


def test_nothing_to_evaluate_while_the_service_runs(case):
    assert not Invitation.objects.exists()
    with pytest.raises(NotFound):
        evaluation_give(actor=case.world.applicant, invitation_id=999999, level=Level.SATISFIED)


@pytest.mark.parametrize("level", [Level.DISSATISFIED, Level.VERY_DISSATISFIED])
def test_a_bad_review_needs_a_reason_and_opens_its_follow_up(case, level):
    inv = complete_service(case)
    w = case.world
    with pytest.raises(DomainError, match="差评原因"):
        evaluation_give(actor=w.applicant, invitation_id=inv.pk, level=level, text="拖延")
    assert not Evaluation.objects.exists() and not FollowUp.objects.exists()
    e = evaluation_give(actor=w.applicant, invitation_id=inv.pk, level=level, reason_ids=[_reason().pk])
    follow_up = FollowUp.objects.get(evaluation=e)
    assert follow_up.state == "verifying" and follow_up.due_on == follow_up.verify_due is not None
    assert Notification.objects.filter(recipient=w.center_admin, kind="follow_up.opened").exists()


@pytest.mark.parametrize(
    ("level", "reasons", "message"),
    [
        (0, [], "1 至 5"),
        (6, [], "1 至 5"),
        ("x", [], "1 至 5"),
        (None, [], "评价等级"),
        (4, ["reason"], "只有差评"),
    ],
)
def test_bad_input_is_refused_with_a_message(case, level, reasons, message):
    inv = complete_service(case)
    ids = [_reason().pk] if reasons else []
    with pytest.raises(DomainError, match=message):
        evaluation_give(actor=case.world.applicant, invitation_id=inv.pk, level=level, reason_ids=ids)
    assert not Evaluation.objects.exists()


def test_an_item_evaluation_rates_the_guide_too(case):
    finish_item(case, "approved")
    inv = Invitation.objects.get(kind="item")
    with pytest.raises(DomainError, match="指导员"):
        evaluation_give(actor=case.world.applicant, invitation_id=inv.pk, level=5)
    e = evaluation_give(
        actor=case.world.applicant, invitation_id=inv.pk, level=5, guide_level=2, reason_ids=[_reason().pk]
    )
    assert (
        e.guide_level == 2 and FollowUp.objects.filter(evaluation=e).exists()
    )  # a bad rating of the guide is followed up


def test_one_evaluation_per_evaluator_the_level_changes_for_24_hours_then_only_a_comment(case):
    inv = complete_service(case)
    w = case.world
    e = evaluation_give(actor=w.applicant, invitation_id=inv.pk, level=Level.FAIRLY_SATISFIED)
    with pytest.raises(DomainError, match="已评价过"):
        evaluation_give(actor=w.applicant, invitation_id=inv.pk, level=Level.SATISFIED)
    evaluation_change(actor=w.applicant, evaluation_id=e.pk, level=Level.VERY_SATISFIED)
    assert Evaluation.objects.get(pk=e.pk).level == 5
    Evaluation.objects.filter(pk=e.pk).update(created_at=timezone.now() - dt.timedelta(hours=24, minutes=1))
    with pytest.raises(DomainError, match="24 小时"):
        evaluation_change(
            actor=w.applicant, evaluation_id=e.pk, level=Level.VERY_DISSATISFIED, reason_ids=[_reason().pk]
        )
    assert Evaluation.objects.get(pk=e.pk).level == 5 and not FollowUp.objects.exists()
    evaluation_comment_add(actor=w.applicant, evaluation_id=e.pk, text="后续服务也很好")
    assert EvaluationComment.objects.get().text == "后续服务也很好"
    assert (
        AuditEvent.objects.filter(
            action__in=["evaluation.give", "evaluation.change", "evaluation.comment"]
        ).count()
        == 3
    )


@pytest.mark.parametrize("persona", STAFF)
def test_no_staff_member_can_change_or_comment_an_evaluation(case, persona):
    inv = complete_service(case)
    e = evaluation_give(actor=case.world.applicant, invitation_id=inv.pk, level=Level.SATISFIED)
    staff = getattr(case.world, persona)
    with pytest.raises(NotFound):
        evaluation_change(actor=staff, evaluation_id=e.pk, level=Level.VERY_SATISFIED)
    with pytest.raises(NotFound):
        evaluation_comment_add(actor=staff, evaluation_id=e.pk, text="改一下")
    assert Evaluation.objects.get(pk=e.pk).level == Level.SATISFIED and not EvaluationComment.objects.exists()
