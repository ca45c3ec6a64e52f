"""Art. 8(1) eligibility: the investment thresholds at their exact boundaries, and the exchange rates used."""

# ruff: noqa: F811 - the shared fixtures are imported by name and then requested as arguments

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from liaison.core.errors import DomainError
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.services.settings import exchange_rate_save
from liaison.intake.tests.test_services_support import (  # noqa: F401 - fixtures
    fast_passwords,
    make_project,
    register_enterprise,
)

pytestmark = pytest.mark.django_db
ON = dt.date(2026, 11, 26)


@pytest.fixture
def applicant(fast_passwords):
    return register_enterprise()


def rate(admin, currency: str, value: str, on: dt.date) -> None:
    exchange_rate_save(actor=admin, currency=currency, cny_per_unit=Decimal(value), effective_date=on)


def clause(result, n: int):
    return next(c for c in result.clauses if c.clause == n)


def foreign(applicant, amount: str, currency: str, **extra):
    return make_project(
        applicant, total_investment=Decimal(amount), currency=currency, investment_source="foreign", **extra
    )


# Clause (1), domestic: 2000万元 以上 includes the figure itself.


def test_exactly_twenty_million_yuan_domestic_qualifies_under_clause_one(applicant):
    project = make_project(applicant, total_investment=Decimal("20000000.00"))

    result = eligibility_evaluate(project=project, on=ON)

    assert result.eligible is True
    assert result.qualifying_clauses == [1]
    assert "含本数" in clause(result, 1).reason
    assert result.threshold["amount"] == "20000000.00"
    assert result.rates == []  # yuan against a yuan threshold: no conversion, no rate


def test_one_cent_below_twenty_million_yuan_does_not_qualify(applicant):
    project = make_project(applicant, total_investment=Decimal("19999999.99"))

    result = eligibility_evaluate(project=project, on=ON)

    assert result.eligible is False
    assert result.qualifying_clauses == []
    assert "未达到" in clause(result, 1).reason


# Clause (1), foreign: US$5 million 以上, converted at the recorded rate when declared otherwise.


def test_exactly_five_million_dollars_foreign_qualifies_without_needing_a_rate(applicant):
    exact = foreign(applicant, "5000000.00", "USD")
    below = foreign(applicant, "4999999.99", "USD", name="差一美分")

    assert eligibility_evaluate(project=exact, on=ON).qualifying_clauses == [1]
    assert eligibility_evaluate(project=below, on=ON).eligible is False
    assert eligibility_evaluate(project=exact, on=ON).rates == []


def test_foreign_project_in_yuan_qualifies_at_exactly_five_million_times_the_recorded_rate(
    applicant, center_admin
):
    rate(center_admin, "USD", "7.123400", dt.date(2026, 1, 1))
    exact = foreign(applicant, "35617000.00", "CNY")  # 5,000,000 × 7.1234
    below = foreign(applicant, "35616999.99", "CNY", name="差一分")

    met = eligibility_evaluate(project=exact, on=ON)
    missed = eligibility_evaluate(project=below, on=ON)

    assert met.eligible is True and missed.eligible is False
    assert met.rates == [
        {
            "currency": "USD",
            "cny_per_unit": "7.123400",
            "effective_date": "2026-01-01",
            "source": "中国人民银行人民币汇率中间价",
        }
    ]
    assert Decimal(met.threshold["threshold_cny"]) == Decimal("35617000")
    assert "1 USD = 7.123400 元" in clause(met, 1).reason


def test_a_euro_amount_is_compared_through_both_the_euro_and_the_dollar_rate(applicant, center_admin):
    rate(center_admin, "USD", "7.100000", dt.date(2026, 1, 1))
    rate(center_admin, "EUR", "8.000000", dt.date(2026, 1, 1))
    exact = foreign(applicant, "4437500.00", "EUR")  # × 8 = 35,500,000 = 5,000,000 × 7.1
    below = foreign(applicant, "4437499.99", "EUR", name="差一欧分")

    met = eligibility_evaluate(project=exact, on=ON)

    assert met.eligible is True
    assert eligibility_evaluate(project=below, on=ON).eligible is False
    assert {r["currency"] for r in met.rates} == {"EUR", "USD"}
    assert Decimal(met.threshold["project_amount_cny"]) == Decimal("35500000")


def test_the_rate_in_force_on_the_evaluation_date_is_used_not_an_older_or_a_newer_one(
    applicant, center_admin
):
    rate(center_admin, "USD", "7.000000", dt.date(2026, 1, 1))
    rate(center_admin, "USD", "7.200000", dt.date(2026, 6, 1))
    rate(center_admin, "USD", "7.500000", dt.date(2026, 12, 1))  # not yet in force on ON
    at_current_rate = foreign(applicant, "36000000.00", "CNY")  # exactly 5M × 7.2
    below_current = foreign(applicant, "35999999.99", "CNY", name="差一分")

    result = eligibility_evaluate(project=at_current_rate, on=ON)

    assert result.eligible is True  # would fail at 7.5
    assert eligibility_evaluate(project=below_current, on=ON).eligible is False  # would pass at 7.0
    assert result.rates[0]["effective_date"] == "2026-06-01"
    assert eligibility_evaluate(project=below_current, on=dt.date(2026, 3, 1)).rates[0]["cny_per_unit"] == (
        "7.000000"
    )


def test_a_missing_rate_is_refused_with_a_message_naming_the_currency_and_the_date(applicant, center_admin):
    rate(center_admin, "USD", "7.100000", dt.date(2026, 12, 1))  # only a rate from after the date
    project = foreign(applicant, "40000000.00", "CNY")

    with pytest.raises(DomainError) as caught:
        eligibility_evaluate(project=project, on=ON)

    message = str(caught.value.message)
    assert "美元" in message and "USD" in message and "2026-11-26" in message
    assert caught.value.field == "currency"


def test_a_missing_rate_of_the_declared_currency_is_named_too(applicant, center_admin):
    rate(center_admin, "USD", "7.100000", dt.date(2026, 1, 1))
    project = foreign(applicant, "4000000.00", "JPY")

    with pytest.raises(DomainError, match="日元（JPY）"):
        eligibility_evaluate(project=project, on=ON)
