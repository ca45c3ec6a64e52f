"""The method and period workflows: drafts revised and published with a version (the earlier one
superseded and still readable), a period frozen on publication, adjustments only by the leader, with a
reason, audited; refusals in Chinese and nothing saved half-way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from liaison.assessment.indicators import REGISTRY, indicators_for, register_complaints
from liaison.assessment.models import AssessmentMethod, MethodState, PeriodKind, PeriodState, SubjectKind
from liaison.assessment.selectors.methods import access_method, editor_rows
from liaison.assessment.services.methods import method_create, method_publish, method_update
from liaison.assessment.services.periods import period_compute, period_create, period_publish
from liaison.assessment.services.results import result_adjust
from liaison.assessment.tests.support import (
    build_example,
    evaluate,
    officer_of,
    published_method,
    service_invitation,
    this_quarter,
)
from liaison.audit.models import AuditEvent
from liaison.core.errors import Conflict, DomainError, PermissionDenied

pytestmark = pytest.mark.django_db


def test_publishing_a_method_numbers_it_and_supersedes_the_one_in_force(world):
    leader = world.center_leader
    first = published_method(leader)
    assert (first.version, first.state) == (1, MethodState.PUBLISHED)
    second = method_create(
        actor=leader, title="考核办法（修订）", explanation="修订", weights={"officer.load": 5}
    )
    method_publish(actor=leader, method=second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.version, second.state) == (2, MethodState.PUBLISHED)
    assert first.state == MethodState.SUPERSEDED and first.superseded_on is not None
    assert access_method(world.officer_user, first.pk) == first  # a superseded method stays readable
    with pytest.raises(DomainError, match="当前状态"):
        method_update(actor=leader, method=first, title="改", explanation="改", weights={"officer.load": 1})


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"officer.nope": 5}, "未知的考核指标"),
        ({"officer.load": 101}, "0 至 100"),
        ({"officer.load": 0}, "至少"),
    ],
)
def test_a_method_with_bad_weights_is_refused_and_nothing_is_saved(world, weights, message):
    with pytest.raises(DomainError, match=message):
        method_create(actor=world.center_leader, title="办法", explanation="说明", weights=weights)
    assert not AssessmentMethod.objects.exists()


@pytest.mark.parametrize("who", ["center_admin", "officer_user", "supervisor"])
def test_only_the_leader_defines_methods_and_periods(world, who):
    actor = getattr(world, who)
    with pytest.raises(PermissionDenied):
        method_create(actor=actor, title="办法", explanation="说明", weights={"officer.load": 1})
    method = published_method(world.center_leader)
    with pytest.raises(PermissionDenied):
        period_create(actor=actor, kind=PeriodKind.YEAR, year=2026, method=method)


def test_a_period_needs_a_published_method_a_valid_quarter_and_a_new_code(world):
    leader = world.center_leader
    with pytest.raises(DomainError, match="请先发布考核办法"):
        period_create(actor=leader, kind=PeriodKind.YEAR, year=2026)
    method = published_method(leader)
    with pytest.raises(DomainError, match="季度须为"):
        period_create(actor=leader, kind=PeriodKind.QUARTER, year=2026, quarter=5)
    with pytest.raises(DomainError, match="年份"):
        period_create(actor=leader, kind=PeriodKind.YEAR, year=99999)
    period = period_create(actor=leader, kind=PeriodKind.QUARTER, year=2026, quarter=3, method=method)
    assert (period.code, str(period.start), str(period.end)) == ("2026Q3", "2026-07-01", "2026-09-30")
    with pytest.raises(Conflict):
        period_create(actor=leader, kind=PeriodKind.QUARTER, year=2026, quarter=3)


def test_a_published_period_is_frozen_against_later_changes_to_the_record(case):
    w = case.world
    leader = w.center_leader
    build_example(case)
    period = this_quarter(leader, published_method(leader))
    period_compute(actor=leader, period=period)
    period_publish(actor=leader, period=period)
    a = period.results.get(subject_kind=SubjectKind.OFFICER, subject_id=officer_of(case).pk)
    assert a.computed_score == Decimal("83.00")
    # The record changes afterwards: another bad review for officer A.
    evaluate(case, service_invitation(case, case.project, officer_of(case), 3), 1)
    with pytest.raises(DomainError, match="已发布"):
        period_compute(actor=leader, period=period)
    with pytest.raises(DomainError, match="已发布"):
        result_adjust(actor=leader, result=a, score="90", reason="迟到的补充材料")
    a.refresh_from_db()
    assert a.computed_score == Decimal("83.00") and a.adjusted_score is None
    period.refresh_from_db()
    assert period.state == PeriodState.PUBLISHED
    with pytest.raises(DomainError, match="已发布"):
        period_publish(actor=leader, period=period)
    # A new period on the same record does see the new review.
    later = period_create(actor=leader, kind=PeriodKind.YEAR, year=period.year, method=period.method)
    period_compute(actor=leader, period=later)
    assert later.results.get(subject_kind="officer", subject_id=officer_of(case).pk).computed_score < Decimal(
        83
    )


def test_the_leader_adjusts_a_score_with_a_reason_and_it_is_audited_and_kept_on_recompute(world):
    leader = world.center_leader
    period = this_quarter(leader, published_method(leader))
    period_compute(actor=leader, period=period)
    row = period.results.get(subject_kind=SubjectKind.OFFICER, subject_id=world.officer.pk)
    with pytest.raises(DomainError, match="调整理由"):
        result_adjust(actor=leader, result=row, score="95", reason=" ")
    with pytest.raises(DomainError, match="0 至 100"):
        result_adjust(actor=leader, result=row, score="101", reason="理由")
    with pytest.raises(DomainError, match="0 至 100"):
        result_adjust(actor=leader, result=row, score="abc", reason="理由")
    for outsider in (world.center_admin, world.officer_user, world.supervisor):
        with pytest.raises(PermissionDenied):
            result_adjust(actor=outsider, result=row, score="95", reason="理由")
    assert not AuditEvent.objects.filter(action="assessment.result_adjust").exists()
    result_adjust(actor=leader, result=row, score="95.555", reason="承担区重点项目攻坚任务")
    row.refresh_from_db()
    assert (row.adjusted_score, row.adjustment_reason, row.adjusted_by) == (
        Decimal("95.56"),
        "承担区重点项目攻坚任务",
        leader,
    )
    event = AuditEvent.objects.get(action="assessment.result_adjust")
    assert event.actor == leader and "承担区重点项目攻坚任务" in str(event.changes)
    period_compute(actor=leader, period=period)
    row.refresh_from_db()
    assert row.adjusted_score == Decimal("95.56")
    assert row.final_score == Decimal("95.56")


def test_another_apps_indicator_registers_in_one_call_and_the_editor_lists_it(world):
    def substantiated_complaints(*, start, end):
        return {"officer": {world.officer.pk: 2}, "guide": {}, "department": {}}

    before = dict(REGISTRY)
    try:
        register_complaints(substantiated_complaints)
        assert "officer.complaints" in {i.key for i in indicators_for(SubjectKind.OFFICER)}
        assert "guide.complaints" in {r["key"] for r in editor_rows(None)}
        leader = world.center_leader
        period = this_quarter(leader, published_method(leader, {"officer.complaints": 1}))
        period_compute(actor=leader, period=period)
        row = period.results.get(subject_kind=SubjectKind.OFFICER, subject_id=world.officer.pk)
        assert row.computed_score == Decimal("60.00")  # 100 − 2 × 20
    finally:
        REGISTRY.clear()
        REGISTRY.update(before)
