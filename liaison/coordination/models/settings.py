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
    yellow_threshold_days = models.PositiveSmallIntegerField(
        _("临期提醒（到期前工作日）"), default=1, validators=[MinValueValidator(0), MaxValueValidator(30)]
    )

    class Meta:
        verbose_name = _("难点问题期限设置")
        verbose_name_plural = _("难点问题期限设置")

    def __str__(self) -> str:
        return f"{self.response_days}/{self.feedback_days}"


class DifficultyReminder(models.Model):
    """A reminder sent for a difficulty's deadline: the unique constraint makes each one go out once,
    however many workers run the job at the same moment."""

    difficulty = models.ForeignKey(
        "coordination.Difficulty", on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=10)  # yellow / red
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("难点问题提醒记录")
        verbose_name_plural = _("难点问题提醒记录")
        constraints = [
            models.UniqueConstraint(fields=["difficulty", "kind", "due_on"], name="difficulty_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"{self.difficulty_id}: {self.kind} {self.due_on}"
