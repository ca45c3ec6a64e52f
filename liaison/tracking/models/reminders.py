from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    YELLOW = "yellow", _("临近期限")
    RED = "red", _("已超期")
    OVERDUE = "overdue", _("超期持续提醒")
    URGE = "urge", _("中心催办")


class ReminderLog(models.Model):
    """A reminder that was sent. The unique constraints make each threshold crossing send exactly once,
    however many workers run the job at the same moment."""

    project_item = models.ForeignKey(
        "tracking.ProjectItem", on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    obligation = models.ForeignKey(
        "tracking.EnterpriseObligation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
    )
    kind = models.CharField(_("类型"), max_length=10, choices=ReminderKind.choices)
    due_on = models.DateField(_("所依据的期限"))
    sequence = models.PositiveIntegerField(_("序号"), default=0)
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    comment = models.CharField(_("说明"), max_length=300, blank=True)
    recipients = models.PositiveIntegerField(_("通知人数"), default=0)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("提醒记录")
        verbose_name_plural = _("提醒记录")
        constraints = [
            models.UniqueConstraint(
                fields=["project_item", "kind", "due_on", "sequence"],
                condition=models.Q(project_item__isnull=False),
                name="uniq_item_reminder",
            ),
            models.UniqueConstraint(
                fields=["obligation", "kind", "due_on", "sequence"],
                condition=models.Q(obligation__isnull=False),
                name="uniq_obligation_reminder",
            ),
            models.CheckConstraint(
                condition=models.Q(project_item__isnull=False, obligation__isnull=True)
                | models.Q(project_item__isnull=True, obligation__isnull=False),
                name="reminder_has_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on} #{self.sequence}"


class TrackingSettings(models.Model):
    """The centre's tracking settings (one row): the default period of the enterprise's to-dos."""

    obligation_default_days = models.PositiveIntegerField(
        _("项目单位补正默认期限（工作日）"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("跟踪提醒设置")
        verbose_name_plural = _("跟踪提醒设置")

    def __str__(self) -> str:
        return f"obligation_default_days={self.obligation_default_days}"

    # When lights turn yellow and how often overdue reminders repeat belong to the deadline engine
    # (liaison.deadlines, kind "tracking.item"); read here for the tracking settings page and API.
    @property
    def yellow_threshold_days(self) -> int:
        from liaison.deadlines.settings import deadline_settings  # noqa: PLC0415

        return deadline_settings("tracking.item").warning_days

    @property
    def overdue_repeat_days(self) -> int:
        from liaison.deadlines.settings import deadline_settings  # noqa: PLC0415

        return deadline_settings("tracking.item").repeat_days
