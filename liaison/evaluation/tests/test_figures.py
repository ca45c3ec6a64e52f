"""The satisfaction figures against a hand-computed example: rates, the unevaluated never counted as
satisfied, an upheld appeal out of the figures, the bad reviews' follow-up counts; survey averages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from liaison.evaluation.figures import rate, satisfaction_figures, survey_averages
from liaison.evaluation.models import (
    BadReviewReason,
    Invitation,
    ReturnVisit,
    SubjectKind,
    SurveyAnswer,
    SurveyQuestion,
)
from liaison.evaluation.services.appeals import appeal_decide, appeal_lodge
from liaison.evaluation.services.evaluations import evaluation_give
from liaison.evaluation.services.followups import follow_up_confirm
from liaison.intake.models import Assignment

pytestmark = pytest.mark.django_db


def _invite(project, officer, n: int) -> list[Invitation]:
    today = timezone.localdate()
    return [
        Invitation.objects.create(
            kind=SubjectKind.SERVICE,
            project=project,
            officer=officer,
            title=f"{project.name} {i}",
            opened_on=today,
        )
        for i in range(n)
    ]


def test_figures_by_officer_match_the_hand_computed_example(case):
    w = case.world
    reason = BadReviewReason.objects.first()
    a = Assignment.objects.get(project=case.project, is_active=True).officer
    b = case.other_officer
    a1, a2, a3, _a4 = _invite(case.project, a, 4)
    b1, b2 = _invite(case.other_project, b, 2)

    def give(inv, level, **kw):
        return evaluation_give(actor=w.applicant, invitation_id=inv.pk, level=level, **kw)

    give(a1, 5)
    give(a2, 3)
    bad_a = give(a3, 2, reason_ids=[reason.pk])
    follow_up_confirm(
        actor=w.center_admin,
        follow_up_id=bad_a.follow_up.pk,
        verification="属实",
        responsible="officer",
        asked="改进",
    )
    bad_b = give(b1, 1, reason_ids=[reason.pk])
    give(b2, 4)
    appeal = appeal_lodge(actor=b.user, evaluation_id=bad_b.pk, grounds="恶意差评")
    appeal_decide(actor=w.center_leader, appeal_id=appeal.pk, upheld=True, reason="经核实评价不实")

    rows = {r.key: r for r in satisfaction_figures("officer")}
    ra, rb = rows[a.pk], rows[b.pk]
    assert (ra.invitations, ra.evaluated, ra.evaluated_rate) == (4, 3, Decimal("75.0"))
    assert ra.levels == {5: 1, 3: 1, 2: 1} and ra.satisfied == 2
    assert ra.satisfaction_rate == Decimal("66.7")
    assert (ra.bad_reviews, ra.verified_on_time, ra.rectifications) == (1, 1, 1)
    assert (rb.invitations, rb.evaluated, rb.evaluations, rb.satisfaction_rate, rb.bad_reviews) == (
        2,
        2,
        1,
        Decimal("100.0"),
        0,
    )
    total = satisfaction_figures("all")[0]
    assert (total.invitations, total.evaluated, total.evaluations, total.satisfied) == (6, 5, 4, 3)
    assert total.satisfaction_rate == Decimal("75.0") and total.evaluated_rate == Decimal("83.3")
    month = satisfaction_figures("month")
    assert len(month) == 1 and month[0].label == timezone.localdate().strftime("%Y-%m")
    assert satisfaction_figures("officer", key=a.pk)[0].evaluations == 3


def test_nothing_evaluated_gives_no_rate_rather_than_a_perfect_one(case):
    _invite(case.project, None, 2)
    total = satisfaction_figures("all")[0]
    assert total.invitations == 2 and total.evaluations == 0
    assert total.satisfaction_rate is None and total.evaluated_rate == Decimal("0.0")
    assert rate(1, 3) == Decimal("33.3") and rate(2, 3) == Decimal("66.7") and rate(0, 0) is None


def test_survey_averages_per_question(case):
    q1, q2 = SurveyQuestion.objects.order_by("order")[:2]
    today = timezone.localdate()
    for scores in ((5, 4), (4, 2), (3, 3)):
        visit = ReturnVisit.objects.create(
            project=case.project,
            reason="manual",
            planned_on=today,
            state="done",
            visited_on=today - dt.timedelta(days=1),
        )
        SurveyAnswer.objects.create(visit=visit, question=q1, score=scores[0])
        SurveyAnswer.objects.create(visit=visit, question=q2, score=scores[1])
    averages = {a.question: (a.answers, a.average) for a in survey_averages()}
    assert averages[q1.text] == (3, Decimal("4.00"))
    assert averages[q2.text] == (3, Decimal("3.00"))
