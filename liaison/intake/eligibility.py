"""Art. 8 eligibility, clause by clause, with the basis of each finding.

"以上" includes the figure itself (Civil Code Art. 1259): exactly RMB 20 million qualifies.
Amounts in different currencies are compared in yuan, converted at the rates in force on the
evaluation date; the rates used are recorded with the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from liaison.core.errors import DomainError
from liaison.intake.models import (
    Currency,
    EligibilityThreshold,
    ExchangeRate,
    InvestmentSource,
    InvestorNature,
    KeyProjectLevel,
)

MAX_INVESTMENT = Decimal("1000000000000")  # 1万亿: anything larger is a typing mistake


@dataclass
class ClauseFinding:
    clause: int
    met: bool
    reason: str


@dataclass
class EligibilityResult:
    eligible: bool
    evaluated_on: str
    clauses: list[ClauseFinding]
    rates: list[dict[str, str]] = field(default_factory=list)
    threshold: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def qualifying_clauses(self) -> list[int]:
        return [c.clause for c in self.clauses if c.met]


def validate_investment(amount: Decimal, currency: str) -> None:
    if currency not in Currency.values:
        raise DomainError(_("不支持的币种“%(c)s”。") % {"c": currency}, field="currency")
    if amount <= 0:
        raise DomainError(_("总投资应大于0。"), field="total_investment")
    if amount >= MAX_INVESTMENT:
        raise DomainError(
            _("总投资金额超出合理范围，请核对单位（应填写元，不是万元）。"), field="total_investment"
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise DomainError(_("总投资最多保留两位小数。"), field="total_investment")


def rate_in_force(currency: str, on: dt.date) -> ExchangeRate | None:
    if currency == Currency.CNY:
        return None
    rate = (
        ExchangeRate.objects.filter(currency=currency, effective_date__lte=on)
        .order_by("-effective_date")
        .first()
    )
    if rate is None:
        raise DomainError(
            _("缺少%(name)s（%(code)s）在 %(date)s 或之前生效的汇率，无法折算投资额。请联系中心维护汇率。")
            % {"name": Currency(currency).label, "code": currency, "date": on.isoformat()},
            field="currency",
        )
    return rate


def threshold_in_force(source: str, on: dt.date) -> EligibilityThreshold:
    threshold = (
        EligibilityThreshold.objects.filter(investment_source=source, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )
    if threshold is None:
        raise DomainError(_("中心尚未设置代办范围投资额标准，请联系中心。"))
    return threshold


def _in_cny(amount: Decimal, rate: ExchangeRate | None) -> Decimal:
    return amount if rate is None else amount * rate.cny_per_unit


def _clause_one(
    project: Any, on: dt.date, rates: list[dict[str, str]], threshold_out: dict[str, str]
) -> ClauseFinding:
    source = InvestmentSource(project.investment_source)
    threshold = threshold_in_force(source, on)
    threshold_out.update(
        {
            "amount": str(threshold.amount),
            "currency": threshold.currency,
            "effective_from": str(threshold.effective_from),
        }
    )
    project_rate = rate_in_force(project.currency, on)
    threshold_rate = rate_in_force(threshold.currency, on) if threshold.currency != project.currency else None
    for rate in (project_rate, threshold_rate):
        if rate is not None and all(r["currency"] != rate.currency for r in rates):
            rates.append(
                {
                    "currency": rate.currency,
                    "cny_per_unit": str(rate.cny_per_unit),
                    "effective_date": str(rate.effective_date),
                }
            )
    if threshold.currency == project.currency:
        met = project.total_investment >= threshold.amount
    else:
        met = _in_cny(project.total_investment, project_rate) >= _in_cny(threshold.amount, threshold_rate)
    label = _("外资") if source == InvestmentSource.FOREIGN else _("社会投资内资")
    values = {
        "label": label,
        "amount": f"{project.total_investment:,}",
        "cur": project.currency,
        "limit": f"{threshold.amount:,}",
        "lcur": threshold.currency,
    }
    if met:
        reason = (
            _("%(label)s项目总投资 %(amount)s %(cur)s，达到 %(limit)s %(lcur)s 以上（含本数）。") % values
        )
    else:
        reason = _("%(label)s项目总投资 %(amount)s %(cur)s，未达到 %(limit)s %(lcur)s。") % values
    return ClauseFinding(1, met, reason)


def eligibility_evaluate(*, project: Any, on: dt.date) -> EligibilityResult:
    """Evaluate Art. 8 for `project` on `on` (the submission date); raises DomainError on missing data."""
    validate_investment(project.total_investment, project.currency)
    if project.investor_nature == InvestorNature.GOVERNMENT:
        reason = _("政府投资项目不属于社会投资建设项目，不在第八条代办范围内。")
        return EligibilityResult(
            False, on.isoformat(), [ClauseFinding(n, False, reason) for n in (1, 2, 3, 4)]
        )
    rates: list[dict[str, str]] = []
    threshold: dict[str, str] = {}
    findings = [_clause_one(project, on, rates, threshold)]
    key = project.key_level != KeyProjectLevel.NONE
    findings.append(
        ClauseFinding(
            2,
            key,
            _("项目为%(level)s，属区级及区级以上重点社会投资建设项目。")
            % {"level": KeyProjectLevel(project.key_level).label}
            if key
            else _("项目不是区级及以上重点项目。"),
        )
    )
    findings.append(
        ClauseFinding(
            3,
            bool(project.attraction_landed),
            _("项目为区级招商引资落地项目。")
            if project.attraction_landed
            else _("项目不是区级招商引资落地项目。"),
        )
    )
    designated = bool(project.designated and project.designation_document)
    findings.append(
        ClauseFinding(
            4,
            designated,
            _("经区委、区政府指定（文号：%(doc)s）。") % {"doc": project.designation_document}
            if designated
            else _("无区委、区政府指定文件。"),
        )
    )
    return EligibilityResult(any(f.met for f in findings), on.isoformat(), findings, rates, threshold)
