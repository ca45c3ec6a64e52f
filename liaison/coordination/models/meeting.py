"""The centre's regular progress meeting (服务项目推进工作例会, Art. 17): the briefing of the state of
service taken as a snapshot when the meeting is prepared, the difficulties gathered as topics, and the
minutes with the meeting's opinion on each topic once it is held."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("筹备中")
    HELD = "held", _("已召开")


class Meeting(models.Model):
    title = models.CharField(_("会议名称"), max_length=120)
    held_on = models.DateField(_("会议日期"))
    place = models.CharField(_("地点"), max_length=120, blank=True)
    chair = models.CharField(_("主持人"), max_length=60, blank=True)
    attendees = models.TextField(_("参会人员"), blank=True)
    state = models.CharField(
        _("状态"), max_length=10, choices=MeetingState.choices, default=MeetingState.PLANNED
    )
    briefing = models.JSONField(_("通报数据"), default=dict)  # the figures as they were when taken
    briefing_at = models.DateTimeField(_("通报数据时间"), null=True, blank=True)
    minutes = models.TextField(_("会议纪要"), blank=True)
    minutes_at = models.DateTimeField(_("纪要录入时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("服务项目推进工作例会")
        verbose_name_plural = _("服务项目推进工作例会")

    def __str__(self) -> str:
        return self.title


class MeetingTopic(models.Model):
    """A difficulty put before the meeting, with the meeting's opinion on it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="topics")
    difficulty = models.ForeignKey(
        "coordination.Difficulty", on_delete=models.PROTECT, related_name="meeting_topics"
    )
    state_then = models.CharField(_("提交会议时状态"), max_length=20)
    opinion = models.TextField(_("会议意见"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("例会议题")
        verbose_name_plural = _("例会议题")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "difficulty"], name="one_topic_per_difficulty"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.difficulty_id}"


class MeetingActionState(models.TextChoices):
    OPEN = "open", _("督办中")
    DONE = "done", _("已完成")


class MeetingAction(models.Model):
    """A task the meeting assigns (督办事项): who does what by when, followed until done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    difficulty = models.ForeignKey(
        "coordination.Difficulty",
        verbose_name=_("相关难点问题"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_actions",
    )
    description = models.TextField(_("督办事项"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("责任人"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("完成时限"))
    state = models.CharField(
        _("状态"), max_length=10, choices=MeetingActionState.choices, default=MeetingActionState.OPEN
    )
    done_note = models.TextField(_("完成情况"), blank=True)
    done_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("例会督办事项")
        verbose_name_plural = _("例会督办事项")
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.description[:20]}"


class MeetingSerial(models.Model):
    """The last meeting number of a year (第N次): one row per year, taken under a row lock."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
