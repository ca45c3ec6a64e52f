"""The public self-check of Art. 8: the visitor's answers put on an unsaved project and given to intake's
evaluator (`liaison.intake.eligibility.eligibility_evaluate`) exactly as intake's own preview does; the
result is explained clause by clause with intake's titles. Nothing is saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.core.errors import DomainError
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.forms import BootstrapForm
from liaison.intake.models import Currency, InvestmentSource, InvestorNature, KeyProjectLevel, Project
from liaison.intake.views.common import clause_rows

ANSWER_FIELDS = (
    "total_investment",
    "currency",
    "investor_nature",
    "investment_source",
    "key_level",
    "attraction_landed",
    "designated",
    "designation_document",
)


class SelfCheckForm(BootstrapForm):
    total_investment = forms.DecimalField(
        label=_("项目总投资（元）"),
        max_digits=18,
        decimal_places=2,
        error_messages={
            "required": _("请填写项目总投资。"),
            "invalid": _("请输入数字。"),
            "max_decimal_places": _("最多保留 2 位小数。"),
            "max_digits": _("金额过大，请核对单位（应填写元）。"),
            "max_whole_digits": _("金额过大，请核对单位（应填写元）。"),
        },
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    currency = forms.ChoiceField(label=_("币种"), choices=Currency.choices, initial=Currency.CNY)
    investor_nature = forms.ChoiceField(
        label=_("投资主体性质"), choices=InvestorNature.choices, initial=InvestorNature.ENTERPRISE
    )
    investment_source = forms.ChoiceField(
        label=_("内外资"), choices=InvestmentSource.choices, initial=InvestmentSource.DOMESTIC
    )
    key_level = forms.ChoiceField(label=_("重点项目级别"), choices=KeyProjectLevel.choices)
    attraction_landed = forms.BooleanField(label=_("区级招商引资落地项目"), required=False)
    designated = forms.BooleanField(label=_("区委、区政府指定项目"), required=False)
    designation_document = forms.CharField(
        label=_("指定文件文号"),
        max_length=100,
        required=False,
        error_messages={"max_length": _("文号过长。")},
    )


def project_from_answers(answers: dict[str, Any]) -> Project:
    """An unsaved project carrying only what Art. 8 looks at."""
    return Project(**{name: answers.get(name) for name in ANSWER_FIELDS if name in answers})


def self_check(answers: dict[str, Any], *, on: dt.date | None = None) -> dict[str, Any]:
    """intake's evaluator on the answers: {"result", "clauses", "error", "preview"} as intake's partial reads."""
    try:
        result = eligibility_evaluate(
            project=project_from_answers(answers), on=on or timezone.localdate()
        ).as_json()
    except DomainError as exc:
        return {"result": None, "clauses": [], "error": str(exc.message), "preview": True}
    return {"result": result, "clauses": clause_rows(result), "error": "", "preview": True}
