"""How an investment amount is written, everywhere (pages, documents, eligibility reasons).

Investment is spoken of in 万 (ten thousand): in Chinese "8,000.00 万元" for yuan and "600.00 万美元"
for another currency, named as official documents name it; in English in millions with the ISO code,
"80.00 million CNY", "6.00 million USD". Two decimals, rounded half up. The exact figure (in yuan, or
the currency's code) is `exact_text`, shown on hover and exported as a number.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from liaison.intake.models import Currency

CENT = Decimal("0.01")
TEN_THOUSAND = Decimal(10_000)
MILLION = Decimal(1_000_000)


def _round(value: Decimal) -> str:
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,}"


def _currency_name(currency: str) -> str:
    return str(Currency(currency).label) if currency in Currency.values else currency


def investment_text(amount: Any, currency: str = Currency.CNY) -> str:
    """The amount as people say it: 8,000.00 万元 / 600.00 万美元; in English 80.00 million CNY."""
    value = Decimal(str(amount))
    if (translation.get_language() or "").startswith("en"):
        return f"{_round(value / MILLION)} million {currency}"
    if currency == Currency.CNY:
        return _("%(amount)s 万元") % {"amount": _round(value / TEN_THOUSAND)}
    return _("%(amount)s 万%(currency)s") % {
        "amount": _round(value / TEN_THOUSAND),
        "currency": _currency_name(currency),
    }


def exact_text(amount: Any, currency: str = Currency.CNY) -> str:
    """The exact figure: 80,000,000.00 元 / 6,000,000.00 USD."""
    value = _round(Decimal(str(amount)))
    return _("%(amount)s 元") % {"amount": value} if currency == Currency.CNY else f"{value} {currency}"
