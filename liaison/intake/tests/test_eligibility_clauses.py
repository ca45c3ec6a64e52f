"""Art. 8 eligibility beyond the amount: bad input, government investment, clauses (2)–(4), dated thresholds."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from liaison.audit.models import AuditEvent
from liaison.core.errors import DomainError
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.models import Project
from liaison.intake.services.settings import eligibility_threshold_save
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    has_chinese,
    make_project,
    register_enterprise,
)

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 11, 26)


@pytest.fixture
def applicant(fast_passwords):
    return register_enterprise()


def clause(result, n: int):
    return next(c for c in result.clauses if c.clause == n)


# Bad amounts and currencies: refused with a clear message, nothing saved.


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("-1.00", "应大于0"),
        ("0", "应大于0"),
        ("0.00", "应大于0"),
        ("1000000000000", "超出合理范围"),
        ("5000000000000.00", "超出合理范围"),
        ("20000000.001", "两位小数"),
        ("abc", "应为数字"),
        ("NaN", "应为数字"),
        ("Infinity", "应为数字"),
    ],
    ids=[
        "negative",
        "zero",
        "zero-with-cents",
        "one-trillion",
        "absurd",
        "three-decimals",
        "text",
        "nan",
        "inf",
    ],
)
def test_a_bad_total_investment_is_refused_and_nothing_is_saved(applicant, amount, expected):
    audit_before = AuditEvent.objects.count()

    with pytest.raises(DomainError, match=expected) as caught:
        make_project(applicant, total_investment=amount)

    assert caught.value.field == "total_investment"
    assert Project.objects.count() == 0
    assert AuditEvent.objects.count() == audit_before


def test_the_largest_plausible_amount_just_under_one_trillion_is_accepted(applicant):
    project = make_project(applicant, total_investment="999999999999.99")
    assert project.total_investment == Decimal("999999999999.99")


def test_an_unknown_currency_is_refused_by_name(applicant):
    with pytest.raises(DomainError, match="不支持的币种“XYZ”") as caught:
        make_project(applicant, currency="XYZ")
    assert caught.value.field == "currency"
    assert Project.objects.count() == 0


def test_an_unknown_currency_is_refused_by_the_evaluation_too(applicant):
    project = make_project(applicant)
    project.currency = "XYZ"  # an unsaved change, as a preview might evaluate it
    with pytest.raises(DomainError, match="XYZ"):
        eligibility_evaluate(project=project, on=ON)


# Government investment is outside Art. 8 altogether.


def test_a_government_invested_project_is_outside_the_scope_whatever_else_it_is(applicant):
    project = make_project(
        applicant,
        investor_nature="government",
        total_investment=Decimal("900000000.00"),
        key_level="province",
        attraction_landed=True,
    )

    result = eligibility_evaluate(project=project, on=ON)

    assert result.eligible is False
    assert "政府投资" in result.excluded
    assert all(not c.met and "政府投资" in c.reason for c in result.clauses)


# Clauses (2), (3), (4).


@pytest.mark.parametrize("level", ["district", "city", "province"])
def test_a_district_level_or_higher_key_project_qualifies_under_clause_two(applicant, level):
    project = make_project(applicant, total_investment=Decimal("1000000.00"), key_level=level)

    result = eligibility_evaluate(project=project, on=ON)

    assert result.qualifying_clauses == [2]
    assert "重点" in clause(result, 2).reason


def test_a_project_that_is_not_a_key_project_does_not_meet_clause_two(applicant):
    result = eligibility_evaluate(project=make_project(applicant, total_investment=Decimal("1.00")), on=ON)
    assert clause(result, 2).met is False
    assert has_chinese(clause(result, 2).reason)


def test_a_landed_investment_attraction_project_qualifies_under_clause_three(applicant):
    project = make_project(applicant, total_investment=Decimal("1000000.00"), attraction_landed=True)
    assert eligibility_evaluate(project=project, on=ON).qualifying_clauses == [3]


def test_a_designated_project_qualifies_under_clause_four_with_its_document_number(applicant):
    project = make_project(
        applicant,
        total_investment=Decimal("1000000.00"),
        designated=True,
        designation_document="五华委办〔2026〕12号",
    )

    result = eligibility_evaluate(project=project, on=ON)

    assert result.qualifying_clauses == [4]
    assert "五华委办〔2026〕12号" in clause(result, 4).reason


def test_designation_without_the_document_number_is_refused_when_registering(applicant):
    with pytest.raises(DomainError, match="文号") as caught:
        make_project(applicant, designated=True, designation_document="  ")
    assert caught.value.field == "designation_document"


def test_designation_without_the_document_number_does_not_meet_clause_four(applicant):
    project = make_project(applicant, total_investment=Decimal("1000000.00"))
    project.designated = True  # an unsaved change, as a preview might evaluate it
    result = eligibility_evaluate(project=project, on=ON)
    assert clause(result, 4).met is False
    assert "未填写指定文件文号" in clause(result, 4).reason


def test_several_clauses_are_all_recorded_when_several_are_met(applicant):
    project = make_project(
        applicant,
        total_investment=Decimal("50000000.00"),
        key_level="city",
        attraction_landed=True,
        designated=True,
        designation_document="五华政〔2026〕3号",
    )
    assert eligibility_evaluate(project=project, on=ON).qualifying_clauses == [1, 2, 3, 4]


# Thresholds are the centre's data, effective from a date.


def test_a_later_threshold_supersedes_the_earlier_one_from_its_effective_date(applicant, center_admin):
    eligibility_threshold_save(
        actor=center_admin,
        investment_source="domestic",
        amount=Decimal("30000000.00"),
        currency="CNY",
        effective_from=dt.date(2026, 7, 1),
    )
    project = make_project(applicant, total_investment=Decimal("25000000.00"))

    before = eligibility_evaluate(project=project, on=dt.date(2026, 6, 30))
    after = eligibility_evaluate(project=project, on=dt.date(2026, 7, 1))

    assert before.eligible is True and before.threshold["effective_from"] == "2021-03-26"
    assert after.eligible is False and after.threshold["effective_from"] == "2026-07-01"
    assert after.threshold["amount"] == "30000000.00"


def test_no_threshold_in_force_yet_is_a_clear_message(applicant):
    project = make_project(applicant)
    with pytest.raises(DomainError, match="尚未设置 2020-01-01 适用的内资项目投资额标准"):
        eligibility_evaluate(project=project, on=dt.date(2020, 1, 1))
