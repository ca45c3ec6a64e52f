"""`{% load money %}{{ project.total_investment|investment:project.currency }}`: the one way a page shows
an investment amount (liaison.intake.money), the exact figure on hover, never wrapped."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from liaison.intake.models import Currency
from liaison.intake.money import exact_text, investment_text

register = template.Library()


@register.filter
def investment(amount: Any, currency: str = Currency.CNY) -> SafeString | str:
    if amount in (None, ""):
        return "—"
    return format_html(
        '<span class="money text-nowrap" title="{}">{}</span>',
        exact_text(amount, currency),
        investment_text(amount, currency),
    )
