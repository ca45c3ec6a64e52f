"""The self-check is intake's evaluator: on the same answers it gives the same result, clause by clause."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.models import Project
from liaison.portal.selfcheck import self_check

pytestmark = pytest.mark.django_db

BASE = {
    "currency": "CNY",
    "investor_nature": "enterprise",
    "investment_source": "domestic",
    "key_level": "none",
    "attraction_landed": False,
    "designated": False,
    "designation_document": "",
}
CASES = [
    {"total_investment": Decimal("20000000")},  # exactly the threshold: 以上 includes it
    {"total_investment": Decimal("19999999.99")},
    {"total_investment": Decimal("1000"), "key_level": "city"},
    {"total_investment": Decimal("1000"), "attraction_landed": True},
    {"total_investment": Decimal("1000"), "designated": True},
    {"total_investment": Decimal("1000"), "designated": True, "designation_document": "五政发〔2026〕1号"},
    {"total_investment": Decimal("5000000"), "currency": "USD", "investment_source": "foreign"},
    {"total_investment": Decimal("4999999"), "currency": "USD", "investment_source": "foreign"},
    {"total_investment": Decimal("900000000"), "investor_nature": "government"},
    {"total_investment": Decimal("900000000"), "currency": "EUR"},  # no rate recorded: intake's message
    {"total_investment": Decimal("-5")},
]


@pytest.mark.parametrize("answers", CASES)
def test_the_self_check_equals_intakes_evaluator(answers):
    answers = {**BASE, **answers}
    ours = self_check(answers)
    try:
        theirs = eligibility_evaluate(project=Project(**answers), on=timezone.localdate()).as_json()
    except Exception as exc:
        assert ours["result"] is None and ours["error"] == str(exc.args[0])
    else:
        assert ours["result"] == theirs
        assert [c["clause"] for c in ours["clauses"]] == [1, 2, 3, 4]


def test_the_page_explains_a_qualifying_result_clause_by_clause():
    params = {**BASE, "total_investment": "30000000", "attraction_landed": "on"}
    html = Client().get(reverse("portal:service"), params).content.decode()
    assert "符合实施细则第八条代办范围" in html
    assert 'data-testid="clause-1"' in html and 'data-testid="clause-4"' in html
    assert reverse("intake:register") in html


def test_the_page_explains_a_non_qualifying_result():
    params = {**BASE, "total_investment": "1000000"}
    html = Client().get(reverse("portal:service"), params).content.decode()
    assert "不符合实施细则第八条任何一项" in html and "未达到" in html


def test_bad_input_gets_a_chinese_message_and_no_result():
    html = Client().get(reverse("portal:service"), {**BASE, "total_investment": "abc"}).content.decode()
    assert "请输入数字。" in html and 'data-testid="eligibility-verdict"' not in html
