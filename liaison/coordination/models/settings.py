"""The centre's periods for difficulties, in working days (one row, created with the defaults)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DAYS = [MinValueValidator(1), MaxValueValidator(60)]


class CoordinationSettings(models.Model):
    response_days = models.PositiveSmallIntegerField(
        _("中心协调期限（工作日）"),
        default=5,
        validators=DAYS,
        help_text=_("联络官上报后，中心协调解决、退回或提请提交区项目办的期限。"),
    )
    feedback_days = models.PositiveSmallIntegerField(
        _("反馈期限（工作日）"),
        default=2,
        validators=DAYS,
        help_text=_("区项目办协调完毕后，中心反馈联络官和项目单位的期限（第十九条）。"),
    )

    class Meta:
        verbose_name = _("难点问题期限设置")
        verbose_name_plural = _("难点问题期限设置")

    def __str__(self) -> str:
        return f"{self.response_days}/{self.feedback_days}"

    @property
    def yellow_threshold_days(self) -> int:
        """The deadline engine's warning days for difficulties (kind "coordination.difficulty")."""
        from liaison.deadlines.settings import deadline_settings  # noqa: PLC0415

        return deadline_settings("coordination.difficulty").warning_days
