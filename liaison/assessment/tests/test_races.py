"""Two leaders at once: a period is published once, a method version is taken once, the same period is
opened once — the other gets a clear refusal. Real threads on PostgreSQL (released by a barrier); on
SQLite they run one after the other and the same outcome is asserted."""

from __future__ import annotations

import pytest

from liaison.assessment.models import AssessmentMethod, AssessmentPeriod, MethodState, PeriodKind, PeriodState
from liaison.assessment.services.methods import method_create, method_publish
from liaison.assessment.services.periods import period_compute, period_create, period_publish
from liaison.assessment.tests.support import published_method
from liaison.audit.models import AuditEvent
from liaison.catalogue.tests.test_races import _race
from liaison.core.errors import DomainError
from liaison.directory.roles import Role
from liaison.testing.personas import make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def leaders(db):
    return [make_user(f"t_leader_{n}", roles=(Role.CENTER_LEADER,)) for n in (1, 2)]


def test_a_period_published_by_two_leaders_at_once_is_published_once(leaders):
    period = period_create(
        actor=leaders[0], kind=PeriodKind.YEAR, year=2026, method=published_method(leaders[0])
    )
    period_compute(actor=leaders[0], period=period)
    results, errors = _race([lambda who=who: period_publish(actor=who, period=period) for who in leaders])
    assert len(results) == 1 and len(errors) == 1 and isinstance(errors[0], DomainError)
    assert AssessmentPeriod.objects.get().state == PeriodState.PUBLISHED
    assert AuditEvent.objects.filter(action="assessment.period_publish").count() == 1


def test_two_drafts_published_at_once_take_versions_one_and_two(leaders):
    drafts = [
        method_create(actor=who, title=f"办法{n}", explanation="说明", weights={"officer.load": 1})
        for n, who in enumerate(leaders)
    ]
    _results, errors = _race(
        [
            lambda who=who, m=m: method_publish(actor=who, method=m)
            for who, m in zip(leaders, drafts, strict=True)
        ]
    )
    assert errors == []
    assert sorted(AssessmentMethod.objects.values_list("version", flat=True)) == [1, 2]
    assert AssessmentMethod.objects.filter(state=MethodState.PUBLISHED).count() == 1


def test_the_same_period_opened_twice_at_once_exists_once(leaders):
    method = published_method(leaders[0])
    results, errors = _race(
        [
            lambda who=who: period_create(
                actor=who, kind=PeriodKind.QUARTER, year=2026, quarter=2, method=method
            )
            for who in leaders
        ]
    )
    assert len(results) == 1 and len(errors) == 1 and isinstance(errors[0], DomainError)
    assert AssessmentPeriod.objects.count() == 1
