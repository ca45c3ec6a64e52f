"""The centre's Art. 8 data: investment thresholds and exchange rates, each effective from a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError, PermissionDenied
from liaison.directory.roles import Role
from liaison.intake.eligibility import MAX_INVESTMENT
from liaison.intake.models import Currency, EligibilityThreshold, ExchangeRate, InvestmentSource

THRESHOLD_FIELDS = ("investment_source", "amount", "currency", "effective_from", "note")
RATE_FIELDS = ("currency", "cny_per_unit", "effective_date", "source")
MAX_RATE = Decimal(10000)


def _require_centre(actor: Any) -> None:
    if not actor.has_role(Role.CENTER_ADMIN):
        raise PermissionDenied(_("只有中心工作人员可以维护代办范围标准和汇率。"))


def _clean_threshold(source: str, amount: Decimal, currency: str) -> None:
    if source not in InvestmentSource.values:
        raise DomainError(_("内外资取值无效。"), field="investment_source")
    if currency not in Currency.values:
        raise DomainError(_("不支持的币种“%(c)s”。") % {"c": currency}, field="currency")
    if amount <= 0 or amount >= MAX_INVESTMENT:
        raise DomainError(_("金额应大于0且在合理范围内（单位：元）。"), field="amount")
    if amount != amount.quantize(Decimal("0.01")):
        raise DomainError(_("金额最多保留两位小数。"), field="amount")


def _clean_rate(currency: str, cny_per_unit: Decimal) -> None:
    if currency not in Currency.values or currency == Currency.CNY:
        raise DomainError(_("请选择人民币以外的币种。"), field="currency")
    if cny_per_unit <= 0 or cny_per_unit >= MAX_RATE:
        raise DomainError(_("汇率应大于0且小于10000（人民币元/单位外币）。"), field="cny_per_unit")
    if cny_per_unit != cny_per_unit.quantize(Decimal("0.000001")):
        raise DomainError(_("汇率最多保留六位小数。"), field="cny_per_unit")


def _save(obj: Any, duplicate_message: str, field: str) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise DomainError(duplicate_message, field=field) from exc


def eligibility_threshold_save(
    *,
    actor: Any,
    investment_source: str,
    amount: Decimal,
    currency: str,
    effective_from: dt.date,
    note: str = "",
    threshold: EligibilityThreshold | None = None,
) -> EligibilityThreshold:
    """Add an Art. 8(1) threshold, or correct one; results already recorded keep the figures they used."""
    _require_centre(actor)
    _clean_threshold(investment_source, amount, currency)
    with transaction.atomic():
        if threshold is None:
            obj, before = EligibilityThreshold(), None
        else:
            obj = EligibilityThreshold.objects.select_for_update().get(pk=threshold.pk)
            before = snapshot(obj, THRESHOLD_FIELDS)
        obj.investment_source, obj.amount, obj.currency = investment_source, amount, currency
        obj.effective_from, obj.note, obj.updated_by = effective_from, (note or "").strip(), actor
        _save(
            obj,
            _("%(d)s 已有一条该类别的投资额标准，请修改那一条。") % {"d": effective_from},
            "effective_from",
        )
        audit_record(
            actor=actor,
            action="eligibility_threshold.create" if before is None else "eligibility_threshold.update",
            obj=obj,
            before=before,
            after=snapshot(obj, THRESHOLD_FIELDS),
            summary=_("代办范围投资额标准：%(s)s") % {"s": str(obj)},
        )
    return obj


def exchange_rate_save(
    *,
    actor: Any,
    currency: str,
    cny_per_unit: Decimal,
    effective_date: dt.date,
    source: str = "",
    rate: ExchangeRate | None = None,
) -> ExchangeRate:
    """Add an exchange rate in force from a date, or correct one."""
    _require_centre(actor)
    _clean_rate(currency, cny_per_unit)
    with transaction.atomic():
        if rate is None:
            obj, before = ExchangeRate(), None
        else:
            obj = ExchangeRate.objects.select_for_update().get(pk=rate.pk)
            before = snapshot(obj, RATE_FIELDS)
        obj.currency, obj.cny_per_unit, obj.effective_date = currency, cny_per_unit, effective_date
        obj.source = (source or "").strip() or str(ExchangeRate._meta.get_field("source").default)
        obj.updated_by = actor
        _save(
            obj,
            _("%(c)s 在 %(d)s 已有汇率，请修改那一条。") % {"c": currency, "d": effective_date},
            "effective_date",
        )
        audit_record(
            actor=actor,
            action="exchange_rate.create" if before is None else "exchange_rate.update",
            obj=obj,
            before=before,
            after=snapshot(obj, RATE_FIELDS),
            summary=_("汇率：%(s)s") % {"s": str(obj)},
        )
    return obj
