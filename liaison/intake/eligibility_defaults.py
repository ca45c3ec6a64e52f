"""The Art. 8(1) thresholds of the 2021 rules, for a database that lacks them (migration 0002 writes the same)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from liaison.intake.models import Currency, EligibilityThreshold, InvestmentSource

RULES_DATE = dt.date(2021, 3, 26)
DEFAULT_THRESHOLDS = (
    (InvestmentSource.DOMESTIC, Decimal("20000000.00"), Currency.CNY),
    (InvestmentSource.FOREIGN, Decimal("5000000.00"), Currency.USD),
)


def default_thresholds_ensure() -> None:
    """Create the rules' thresholds where no threshold of that kind exists (a flushed test database, say)."""
    for source, amount, currency in DEFAULT_THRESHOLDS:
        if not EligibilityThreshold.objects.filter(investment_source=source).exists():
            EligibilityThreshold.objects.create(
                investment_source=source,
                amount=amount,
                currency=currency,
                effective_from=RULES_DATE,
                note="实施细则第八条第（一）项",
            )
