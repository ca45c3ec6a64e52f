"""Art. 8 eligibility, clause by clause, with the basis of each finding.

"以上" includes the figure itself (Civil Code Art. 1259): exactly RMB 20 million qualifies.
Amounts in different currencies are compared in yuan, converted at the rates in force on the
evaluation date; the rates used are recorded with the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.core.errors import DomainError
from liaison.intake.models import (
    Currency,
    EligibilityThreshold,
    ExchangeRate,
    InvestmentSource,
    InvestorNature,
    KeyProjectLevel,
)
from liaison.intake.money import exact_text, investment_text

MAX_INVESTMENT = Decimal("1000000000000")  # 1万亿: anything this large is a typing mistake
# How a document cites the clause a project qualified under.
CLAUSE_CITATIONS = {
    1: gettext_lazy("第八条第（一）项"),
    2: gettext_lazy("第八条第（二）项"),
    3: gettext_lazy("第八条第（三）项"),
    4: gettext_lazy("第八条第（四）项"),
}


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
    excluded: str = ""  # why the project is outside Art. 8 altogether (government investment)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def qualifying_clauses(self) -> list[int]:
        return [c.clause for c in self.clauses if c.met]


def as_decimal(value: Any) -> Decimal:
    """The amount as a Decimal (ints and numeric strings accepted; floats refused as inexact)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return Decimal(str(value).strip())
        except InvalidOperation:
            pass
    raise DomainError(_("总投资应为数字（单位：元）。"), field="total_investment")


def validate_investment(amount: Any, currency: str) -> None:
    """A positive amount in yuan (or the declared currency) with at most two decimals, in a known currency."""
    if currency not in Currency.values:
        raise DomainError(_("不支持的币种“%(c)s”。") % {"c": currency}, field="currency")
    amount = as_decimal(amount)
    if not amount.is_finite():
        raise DomainError(_("总投资应为数字（单位：元）。"), field="total_investment")
    if amount <= 0:
        raise DomainError(_("总投资应大于0。"), field="total_investment")
    if amount >= MAX_INVESTMENT:
        raise DomainError(
            _("总投资金额超出合理范围（应小于1万亿），请核对单位（应填写元，不是万元）。"),
            field="total_investment",
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise DomainError(_("总投资最多保留两位小数。"), field="total_investment")


def rate_in_force(currency: str, on: dt.date) -> ExchangeRate | None:
    """The latest rate of `currency` effective on or before `on`; None for yuan; DomainError if none is recorded."""
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
    """The Art. 8(1) threshold for domestic or foreign projects in force on `on` (a later one supersedes)."""
    threshold = (
        EligibilityThreshold.objects.filter(investment_source=source, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )
    if threshold is None:
        raise DomainError(
            _("中心尚未设置 %(date)s 适用的%(source)s项目投资额标准，请联系中心。")
            % {"date": on.isoformat(), "source": InvestmentSource(source).label}
        )
    return threshold


def _in_cny(amount: Decimal, rate: ExchangeRate | None) -> Decimal:
    return amount if rate is None else amount * rate.cny_per_unit


def _record_rate(rates: list[dict[str, str]], rate: ExchangeRate | None) -> None:
    if rate is not None and all(r["currency"] != rate.currency for r in rates):
        rates.append(
            {
                "currency": rate.currency,
                "cny_per_unit": str(rate.cny_per_unit),
                "effective_date": str(rate.effective_date),
                "source": rate.source,
            }
        )


def _clause_one(
    project: Any, on: dt.date, rates: list[dict[str, str]], threshold_out: dict[str, str]
) -> ClauseFinding:
    source = InvestmentSource(project.investment_source)
    total = as_decimal(project.total_investment)
    threshold = threshold_in_force(source, on)
    amount_cny: Decimal | None = None
    limit_cny: Decimal | None = None
    if threshold.currency == project.currency:
        # Same currency: compared as declared, exactly; no rate is needed or recorded.
        met = total >= threshold.amount
    else:
        project_rate = rate_in_force(project.currency, on)
        threshold_rate = rate_in_force(threshold.currency, on)
        _record_rate(rates, project_rate)
        _record_rate(rates, threshold_rate)
        amount_cny = _in_cny(total, project_rate)
        limit_cny = _in_cny(threshold.amount, threshold_rate)
        met = amount_cny >= limit_cny
    threshold_out.update(
        {
            "amount": str(threshold.amount),
            "currency": threshold.currency,
            "effective_from": str(threshold.effective_from),
            "note": threshold.note,
        }
    )
    if amount_cny is not None and limit_cny is not None:
        threshold_out.update({"project_amount_cny": str(amount_cny), "threshold_cny": str(limit_cny)})
    values = {
        "label": _("外资") if source == InvestmentSource.FOREIGN else _("社会投资内资"),
        "amount": investment_text(total, project.currency),
        "limit": investment_text(threshold.amount, threshold.currency),
    }
    if met:
        reason = _("%(label)s项目总投资 %(amount)s，达到 %(limit)s以上（含本数）。") % values
    else:
        reason = _("%(label)s项目总投资 %(amount)s，未达到 %(limit)s。") % values
    if amount_cny is not None and limit_cny is not None:
        basis = "；".join(
            _("1 %(c)s = %(r)s 元（%(d)s 起施行）")
            % {"c": r["currency"], "r": r["cny_per_unit"], "d": r["effective_date"]}
            for r in rates
        )
        reason += _("按 %(basis)s 折算：项目 %(a)s，标准 %(l)s。") % {
            "basis": basis,
            "a": exact_text(amount_cny),  # exact: a few yuan may decide
            "l": exact_text(limit_cny),
        }
    return ClauseFinding(1, met, reason)


def _clause_four(project: Any) -> ClauseFinding:
    """Designation counts only with the designating document's number."""
    document = (project.designation_document or "").strip()
    if project.designated and document:
        return ClauseFinding(4, True, _("经区委、区政府指定（文号：%(doc)s）。") % {"doc": document})
    if project.designated:
        return ClauseFinding(4, False, _("填报为区委、区政府指定项目，但未填写指定文件文号，不能认定。"))
    return ClauseFinding(4, False, _("不是区委、区政府指定的项目。"))


def eligibility_evaluate(*, project: Any, on: dt.date) -> EligibilityResult:
    """Evaluate Art. 8 for `project` on `on` (the submission date); raises DomainError on missing data."""
    validate_investment(project.total_investment, project.currency)
    if project.investment_source not in InvestmentSource.values:
        raise DomainError(_("请选择内资或外资。"), field="investment_source")
    if project.investor_nature == InvestorNature.GOVERNMENT:
        reason = _("政府投资项目不属于社会投资建设项目，不在第八条代办范围内。")
        return EligibilityResult(
            False, on.isoformat(), [ClauseFinding(n, False, reason) for n in (1, 2, 3, 4)], excluded=reason
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
    findings.append(_clause_four(project))
    return EligibilityResult(any(f.met for f in findings), on.isoformat(), findings, rates, threshold)


def eligibility_basis(recorded: Mapping[str, Any], *, ineligible_reason: str = "") -> str:
    """The Art. 8 basis of a recorded evaluation (`EligibilityResult.as_json()`) in words, for documents:
    each clause met with its finding, or that none was met and the request was accepted on its reason."""
    clauses = recorded.get("clauses") or []
    met = [c for c in clauses if c.get("met") and c.get("clause") in CLAUSE_CITATIONS]
    if met:
        return (
            "；".join(
                f"{CLAUSE_CITATIONS[c['clause']]}：{str(c.get('reason', '')).rstrip('。')}" for c in met
            )
            + "。"
        )
    if not clauses:
        return _("未记录代办范围审查结果。")
    basis = _("不符合第八条任何一项，经中心审查受理。")
    reason = (ineligible_reason or "").strip()
    return basis + (_("申请理由：%(reason)s") % {"reason": reason} if reason else "")
