"""The engine's two tables: the centre's settings per kind of deadline, and the log of reminders sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Threshold(models.TextChoices):
    YELLOW = "yellow", _("临近期限")
    RED = "red", _("已超期")
    OVERDUE = "overdue", _("超期持续提醒")


class DeadlineSettings(models.Model):
    """One kind of deadline's warning and repeat, in working days (a row per kind, made on first use)."""

    kind = models.CharField(_("期限类型"), max_length=40, unique=True)
    warning_days = models.PositiveSmallIntegerField(_("黄灯提前量（工作日）"))
    repeat_days = models.PositiveSmallIntegerField(_("超期后每隔多少个工作日再次提醒"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("期限提醒设置")
        verbose_name_plural = _("期限提醒设置")

    def __str__(self) -> str:
        return f"{self.kind}: warning={self.warning_days} repeat={self.repeat_days}"


class ReminderSent(models.Model):
    """A reminder one recipient was sent for one crossing of one deadline. The unique constraint is the
    gate: however many workers run a reminder job at once, each crossing reaches each recipient once."""

    kind = models.CharField(_("期限类型"), max_length=40)
    subject_id = models.PositiveBigIntegerField(_("对象编号"))
    due_on = models.DateField(_("所依据的期限"))
    threshold = models.CharField(_("提醒节点"), max_length=10, choices=Threshold.choices)
    repeat_no = models.PositiveIntegerField(_("第几次持续提醒"), default=0)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)
    # The run that inserted the row: a worker reads back its own rows to learn whom it told.
    run = models.CharField(_("发送批次"), max_length=32, blank=True, default="", editable=False)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("期限提醒记录")
        verbose_name_plural = _("期限提醒记录")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_id", "due_on", "threshold", "repeat_no", "recipient"],
                name="deadline_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}#{self.subject_id} {self.threshold}{self.repeat_no} {self.due_on}"
