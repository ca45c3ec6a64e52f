"""The scores against a hand-computed example, the rules of each indicator, and no data never counted
as 0 or 100 (the weights re-normalised over the indicators that have data)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from liaison.assessment.models import PeriodKind, SubjectKind, SubjectResult
from liaison.assessment.rules import Penalty, Rate, Relative
from liaison.assessment.scoring import weighted_total
from liaison.assessment.services.periods import period_compute, period_create
from liaison.assessment.tests.support import (
    build_example,
    consult_and_supplement,
    officer_of,
    published_method,
    this_quarter,
)
from liaison.intake.models import Assignment
from liaison.tracking.tests.builders import Driver

pytestmark = pytest.mark.django_db


def _result(period, kind, subject_id):
    return SubjectResult.objects.get(period=period, subject_kind=kind, subject_id=subject_id)


def _raw(result, key):
    return next(v for v in result.values if v["key"] == key)


def test_each_subject_scores_what_was_computed_by_hand(case):
    """The record: officer A's one item decided within its clock (on time 1/1 = 100.0%); A's two service
    evaluations 非常满意 and 不满意 (satisfaction 1/2 = 50.0%, one bad review: 100 − 10 = 90);
    officer B has no item and no evaluation (no data twice, no bad review: 100).
    The guide's one first reply was on time (100.0%), one supplementary notice (100 − 10 = 90), the item's
    evaluation rated the guide 不满意 (0/1 = 0.0%). The department: replies 100.0%, one supplementary
    notice (100 − 5 = 95), the item's evaluation 满意 (1/1 = 100.0%).

    A   = (50 × 100 + 30 × 50 + 20 × 90) ÷ 100           = 83.00
    B   = (20 × 100) ÷ 20   (the two rates have no data)  = 100.00
    guide = (40 × 100 + 30 × 90 + 30 × 0) ÷ 100           = 67.00
    department = (40 × 100 + 30 × 95 + 30 × 100) ÷ 100    = 98.50
    """
    w = case.world
    build_example(case)
    period = this_quarter(w.center_leader, published_method(w.center_leader))
    period_compute(actor=w.center_leader, period=period)

    a = _result(period, SubjectKind.OFFICER, officer_of(case).pk)
    b = _result(period, SubjectKind.OFFICER, case.other_officer.pk)
    guide = _result(period, SubjectKind.GUIDE, w.guide.pk)
    department = _result(period, SubjectKind.DEPARTMENT, case.item.approval_item.department_id)

    assert a.computed_score == Decimal("83.00")
    assert _raw(a, "officer.items_on_time")["raw"] == "100.0"
    assert _raw(a, "officer.satisfaction")["raw"] == "50.0"
    assert _raw(a, "officer.bad_reviews") == {
        "key": "officer.bad_reviews",
        "label": "差评",
        "unit": "件",
        "raw": "1",
        "score": "90.00",
        "weight": 20,
    }
    assert b.computed_score == Decimal("100.00")
    assert _raw(b, "officer.items_on_time")["raw"] is None
    assert _raw(b, "officer.satisfaction")["score"] is None
    assert guide.computed_score == Decimal("67.00")
    assert department.computed_score == Decimal("98.50")
    assert guide.department_id == department.subject_id
    assert a.user_id == w.officer_user.pk


def test_a_late_item_lowers_the_on_time_rate(case):
    """The item accepted on 2026-09-01 (limit 5 working days: due 09-08) and approved on 09-15: late."""

    w = case.world
    day = dt.date(2026, 9, 1)
    # The project was dispatched in August (the fixture dispatches today): the item's steps are backdated.
    august = dt.datetime(2026, 8, 3, 9, tzinfo=dt.UTC)
    Assignment.objects.filter(project=case.project).update(assigned_at=august)
    Driver(w.officer_user, w.guide, w.applicant, days=[day, day, day, dt.date(2026, 9, 15)]).to(
        case.item, "approved"
    )
    method = published_method(w.center_leader, {"officer.items_on_time": 1})
    period = period_create(
        actor=w.center_leader, kind=PeriodKind.QUARTER, year=2026, quarter=3, method=method
    )
    period_compute(actor=w.center_leader, period=period)
    a = _result(period, SubjectKind.OFFICER, officer_of(case).pk)
    assert _raw(a, "officer.items_on_time")["raw"] == "0.0"
    assert a.computed_score == Decimal("0.00")


def test_the_rules_turn_raw_values_into_scores():
    assert Rate().score(Decimal("87.5"), []) == Decimal("87.50")
    assert Rate().score(None, []) is None
    assert Penalty(20).score(3, []) == Decimal("40.00")
    assert Penalty(20).score(9, []) == Decimal("0.00")
    assert Penalty(20).score(None, []) == Decimal("100.00")
    assert Relative().score(3, [3, 6, 2]) == Decimal("50.00")
    assert Relative().score(0, [0, 0]) == Decimal("0.00")


def test_the_total_skips_indicators_without_data():
    assert weighted_total([(50, Decimal(80)), (50, None)]) == Decimal("80.00")
    assert weighted_total([(1, Decimal(100)), (2, Decimal(50))]) == Decimal("66.67")
    assert weighted_total([(50, None)]) is None


def test_relays_handovers_and_load_are_read_from_the_record(case):
    """Officer A relays the guide's reply the same day (1/1 = 100.0%) and the enterprise confirms the
    handover list the day it is prepared (1/1 = 100.0%); A and B each serve one project (load 1 = the
    highest: 100). B has no relay and no handover: no data for both rates.
    A = (10 × 100 + 10 × 100 + 10 × 100) ÷ 30 = 100.00; B = (10 × 100) ÷ 10 = 100.00."""
    from liaison.consultations.models import Consultation
    from liaison.consultations.services.relay import consultation_relay
    from liaison.evaluation.tests.support import complete_service

    w = case.world
    consult_and_supplement(case)
    consultation_relay(actor=w.officer_user, consultation=Consultation.objects.get(), text="已转告")
    complete_service(case)
    weights = {"officer.relayed_on_time": 10, "officer.handovers_on_time": 10, "officer.load": 10}
    period = this_quarter(w.center_leader, published_method(w.center_leader, weights))
    period_compute(actor=w.center_leader, period=period)
    a = _result(period, SubjectKind.OFFICER, officer_of(case).pk)
    b = _result(period, SubjectKind.OFFICER, case.other_officer.pk)
    assert [_raw(a, k)["raw"] for k in weights] == ["100.0", "100.0", "1"]
    assert [_raw(b, k)["raw"] for k in weights] == [None, None, "1"]
    assert (a.computed_score, b.computed_score) == (Decimal("100.00"), Decimal("100.00"))
