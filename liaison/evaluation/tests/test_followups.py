"""A bad review's follow-up: the whole path, the role x step matrix from every state (refusals leave
nothing behind), appeals and their effect, and the reminders of each step exactly once."""

from __future__ import annotations

import datetime as dt

import pytest

from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.evaluation.models import Appeal, BadReviewReason, Evaluation, FollowUp, FollowUpStep, Level
from liaison.evaluation.services.appeals import appeal_decide, appeal_lodge
from liaison.evaluation.services.evaluations import evaluation_give
from liaison.evaluation.services.followups import (
    follow_up_close,
    follow_up_confirm,
    follow_up_dismiss,
    follow_up_report,
    follow_up_send_back,
)
from liaison.evaluation.services.reminders import evaluation_reminders_run
from liaison.evaluation.tests.support import complete_service
from liaison.testing.reminders import crossings
from liaison.workcal.calendar import add_working_days

pytestmark = pytest.mark.django_db
PERSONAS = [
    "center_admin",
    "center_leader",
    "supervisor",
    "officer_user",
    "guide",
    "department_admin",
    "applicant",
]


def bad_review(case) -> FollowUp:
    inv = complete_service(case)
    reason = BadReviewReason.objects.filter(is_active=True).first()
    e = evaluation_give(
        actor=case.world.applicant, invitation_id=inv.pk, level=Level.DISSATISFIED, reason_ids=[reason.pk]
    )
    return FollowUp.objects.get(evaluation=e)


STEPS = {
    "confirm": lambda a, f: follow_up_confirm(
        actor=a, follow_up_id=f.pk, verification="属实", responsible="officer", asked="改进"
    ),
    "dismiss": lambda a, f: follow_up_dismiss(actor=a, follow_up_id=f.pk, verification="不属实"),
    "report": lambda a, f: follow_up_report(actor=a, follow_up_id=f.pk, report="已整改"),
    "send_back": lambda a, f: follow_up_send_back(actor=a, follow_up_id=f.pk, comment="不到位"),
    "close": lambda a, f: follow_up_close(actor=a, follow_up_id=f.pk, accepts=True, note="认可"),
}
# Who may take each step (the responsible party is the officer: the follow-up below names them).
ALLOWED = {
    "confirm": {"center_admin"},
    "dismiss": {"center_admin"},
    "report": {"officer_user"},
    "send_back": {"center_admin"},
    "close": {"center_admin"},
}
SOURCE = {
    "confirm": "verifying",
    "dismiss": "verifying",
    "report": "rectifying",
    "send_back": "returning",
    "close": "returning",
}


def _bring(case, f: FollowUp, state: str) -> FollowUp:
    w = case.world
    if state in ("rectifying", "returning"):
        STEPS["confirm"](w.center_admin, f)
    if state == "returning":
        STEPS["report"](w.officer_user, f)
    return FollowUp.objects.get(pk=f.pk)


def test_verify_rectify_report_return_close(case):
    w = case.world
    f = bad_review(case)
    follow_up_confirm(
        actor=w.center_admin,
        follow_up_id=f.pk,
        verification="电话核实属实",
        responsible="officer",
        asked="加强沟通",
        rectify_days=10,
    )
    f.refresh_from_db()
    assert f.state == "rectifying" and f.responsible_user_id == w.officer_user.pk
    assert f.rectify_due == add_working_days(f.verified_on, 10)
    follow_up_report(actor=w.officer_user, follow_up_id=f.pk, report="已建立每周沟通机制")
    follow_up_close(actor=w.center_admin, follow_up_id=f.pk, accepts=True, note="评价人认可")
    f.refresh_from_db()
    assert f.state == "closed" and f.evaluator_accepts is True and f.due_on is None
    assert [s.name for s in f.steps.all()] == ["confirm", "report", "close"]


def test_rectification_by_the_department_is_reported_by_its_administrator(case):
    w = case.world
    f = bad_review(case)
    follow_up_confirm(
        actor=w.center_admin,
        follow_up_id=f.pk,
        verification="属实",
        responsible="department",
        department_id=w.department_admin.department_id,
        asked="整改",
    )
    with pytest.raises(NotFound):
        follow_up_report(actor=w.officer_user, follow_up_id=f.pk, report="x")
    follow_up_report(actor=w.department_admin, follow_up_id=f.pk, report="已整改")
    assert FollowUp.objects.get(pk=f.pk).state == "returning"


@pytest.mark.parametrize("step", list(STEPS))
@pytest.mark.parametrize("state", ["verifying", "rectifying", "returning"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_role_and_step_from_every_open_state(case, step, state, persona):
    f = _bring(case, bad_review(case), state)
    steps_before = FollowUpStep.objects.count()
    actor = getattr(case.world, persona)
    allowed = persona in ALLOWED[step] and SOURCE[step] == state
    if allowed:
        STEPS[step](actor, f)
        assert FollowUp.objects.get(pk=f.pk).state != state
        return
    with pytest.raises((NotFound, PermissionDenied, DomainError)):
        STEPS[step](actor, f)
    assert FollowUp.objects.get(pk=f.pk).state == state
    assert FollowUpStep.objects.count() == steps_before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"verification": ""}, "核实情况"),
        ({"responsible": "x"}, "责任方"),
        ({"asked": " "}, "整改要求"),
        ({"rectify_days": 99}, "1 至 60"),
    ],
)
def test_a_bad_confirmation_is_refused_and_saves_nothing(case, fields, message):
    f = bad_review(case)
    values = {"verification": "属实", "responsible": "officer", "asked": "改进", **fields}
    with pytest.raises(DomainError, match=message):
        follow_up_confirm(actor=case.world.center_admin, follow_up_id=f.pk, **values)
    assert FollowUp.objects.get(pk=f.pk).state == "verifying" and not FollowUpStep.objects.exists()


def test_an_upheld_appeal_takes_the_review_out_and_ends_the_follow_up(case):
    w = case.world
    f = bad_review(case)
    e = f.evaluation
    with pytest.raises(NotFound):
        appeal_lodge(
            actor=w.guide, evaluation_id=e.pk, grounds="不是我"
        )  # the guide was not evaluated on the service
    appeal = appeal_lodge(actor=w.officer_user, evaluation_id=e.pk, grounds="企业误将部门原因归于联络官")
    with pytest.raises(DomainError, match="只能申诉一次"):
        appeal_lodge(actor=w.officer_user, evaluation_id=e.pk, grounds="再次申诉")
    with pytest.raises(PermissionDenied):
        appeal_decide(actor=w.center_admin, appeal_id=appeal.pk, upheld=True, reason="成立")
    appeal_decide(actor=w.center_leader, appeal_id=appeal.pk, upheld=True, reason="经核实系审批部门原因")
    assert Evaluation.objects.get(pk=e.pk).excluded
    assert FollowUp.objects.get(pk=f.pk).state == "closed"
    with pytest.raises(DomainError, match="已复核"):
        appeal_decide(actor=w.center_leader, appeal_id=appeal.pk, upheld=False, reason="改判")


def test_a_refused_appeal_keeps_the_review_counted(case):
    w = case.world
    f = bad_review(case)
    appeal = appeal_lodge(actor=w.officer_user, evaluation_id=f.evaluation_id, grounds="恶意差评")
    appeal_decide(actor=w.center_leader, appeal_id=appeal.pk, upheld=False, reason="评价有事实依据")
    assert not Evaluation.objects.get(pk=f.evaluation_id).excluded
    assert FollowUp.objects.get(pk=f.pk).state == "verifying"
    assert Appeal.objects.get().decision_reason == "评价有事实依据"


def test_each_step_is_reminded_once_when_due_soon_and_once_when_overdue(case):
    f = bad_review(case)
    due = f.due_on
    for day in (due, due, add_working_days(due, 1), add_working_days(due, 1)):
        evaluation_reminders_run(today=day)
    sent = crossings("evaluation.verify", [f.pk])
    assert [(t, d) for _pk, t, d, _n in sent] == [("yellow", due), ("overdue", due)]


def test_an_invitation_not_evaluated_is_reminded_and_stays_unevaluated(case):
    inv = complete_service(case)
    day = inv.due_on + dt.timedelta(days=0)
    evaluation_reminders_run(today=day)
    evaluation_reminders_run(today=day)
    assert [t for _pk, t, _d, _n in crossings("evaluation.invitation", [inv.pk])] == ["yellow"]
    inv.refresh_from_db()
    assert inv.evaluated_at is None
