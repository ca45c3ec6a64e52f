"""Rows that data migrations insert, put back for tests that run after a transactional test.

A transactional test (live server, browser, race tests) ends by flushing every table, which also
removes what data migrations inserted; a later test on the same worker would then run against a
database a real deployment never has. The root conftest calls this before each database test.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from liaison.intake.models import EligibilityThreshold

RULES_DATE = dt.date(2021, 3, 26)  # as migration intake/0002_default_thresholds
_THRESHOLDS = (
    ("domestic", Decimal("20000000.00"), "CNY"),
    ("foreign", Decimal("5000000.00"), "USD"),
)


def migration_rows_restore() -> None:
    if EligibilityThreshold.objects.exists():
        return
    for source, amount, currency in _THRESHOLDS:
        EligibilityThreshold.objects.get_or_create(
            investment_source=source,
            effective_from=RULES_DATE,
            defaults={"amount": amount, "currency": currency, "note": "实施细则第八条第（一）项"},
        )
