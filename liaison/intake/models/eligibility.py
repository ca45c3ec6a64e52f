from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .project import Currency, InvestmentSource


class EligibilityThreshold(models.Model):
    """Art. 8(1) investment threshold for domestic or foreign projects, effective from a date."""

    investment_source = models.CharField(_("内外资"), max_length=10, choices=InvestmentSource.choices)
    amount = models.DecimalField(_("金额（含本数）"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("币种"), max_length=3, choices=Currency.choices)
    effective_from = models.DateField(_("生效日期"))
    note = models.CharField(_("依据"), max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["investment_source", "-effective_from"]
        verbose_name = _("代办范围投资额标准")
        verbose_name_plural = _("代办范围投资额标准")
        constraints = [
            models.UniqueConstraint(
                fields=["investment_source", "effective_from"], name="uniq_threshold_per_day"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="threshold_positive"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_investment_source_display()} ≥ {self.amount} {self.currency} ({self.effective_from})"
        )


class ExchangeRate(models.Model):
    """How many yuan one unit of `currency` is worth, from `effective_date` on (e.g. PBoC central parity)."""

    currency = models.CharField(_("币种"), max_length=3, choices=Currency.choices)
    cny_per_unit = models.DecimalField(_("人民币元/单位外币"), max_digits=14, decimal_places=6)
    effective_date = models.DateField(_("生效日期"))
    source = models.CharField(_("来源"), max_length=200, blank=True, default="中国人民银行人民币汇率中间价")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["currency", "-effective_date"]
        verbose_name = _("汇率")
        verbose_name_plural = _("汇率")
        constraints = [
            models.UniqueConstraint(fields=["currency", "effective_date"], name="uniq_rate_per_day"),
            models.CheckConstraint(condition=models.Q(cny_per_unit__gt=0), name="rate_positive"),
        ]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.cny_per_unit} CNY ({self.effective_date})"
