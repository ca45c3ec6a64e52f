"""The centre's closure settings (one row): how many working days the enterprise has to confirm the
handover and the centre to confirm a completion or termination. Warning and repeat days are the deadline
engine's (liaison.deadlines DeadlineSettings)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

PERIOD_MAX = 60


class ClosureSettings(models.Model):
    receipt_days = models.PositiveSmallIntegerField(
        _("项目单位确认资料移交期限（工作日）"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(PERIOD_MAX)],
    )
    confirmation_days = models.PositiveSmallIntegerField(
        _("中心确认办结或终止期限（工作日）"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(PERIOD_MAX)],
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("办结期限设置")
        verbose_name_plural = _("办结期限设置")

    def __str__(self) -> str:
        return f"receipt={self.receipt_days} confirmation={self.confirmation_days}"
