"""Investment amounts are written one way: 万元 in Chinese, millions with the code in English, the exact
figure on hover; a currency other than yuan is named."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from liaison.intake.money import exact_text, investment_text


def test_yuan_are_written_in_wan_with_two_decimals_rounded_half_up():
    assert investment_text(Decimal("80000000.00"), "CNY") == "8,000.00 万元"
    assert investment_text(Decimal("20000050.00"), "CNY") == "2,000.01 万元"
    assert investment_text(Decimal("1234.00"), "CNY") == "0.12 万元"


def test_another_currency_is_named():
    assert investment_text(Decimal("6000000"), "USD") == "600.00 万美元"
    assert exact_text(Decimal("6000000"), "USD") == "6,000,000.00 USD"
    assert exact_text(Decimal("80000000"), "CNY") == "80,000,000.00 元"


def test_english_speaks_of_millions_with_the_code():
    with translation.override("en"):
        assert investment_text(Decimal("80000000.00"), "CNY") == "80.00 million CNY"
        assert investment_text(Decimal("6000000"), "USD") == "6.00 million USD"


@pytest.mark.parametrize(
    ("currency", "shown", "exact"),
    [("CNY", "8,000.00 万元", "80,000,000.00 元"), ("EUR", "8,000.00 万欧元", "80,000,000.00 EUR")],
)
def test_the_filter_shows_wan_with_the_exact_figure_on_hover_and_never_wraps(currency, shown, exact):
    html = Template("{% load money %}{{ a|investment:c }}").render(
        Context({"a": Decimal("80000000.00"), "c": currency})
    )
    assert html == f'<span class="money text-nowrap" title="{exact}">{shown}</span>'


def test_a_missing_amount_is_a_dash():
    assert Template("{% load money %}{{ a|investment }}").render(Context({"a": None})) == "—"
