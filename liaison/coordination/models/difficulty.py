"""Difficulties met while serving a project and their escalation (Art. 10(4), 18, 19).

The officer records a difficulty with an analysis and a proposal, resolves what they can and reports the
rest to the centre; the centre coordinates with the departments, or prepares a major issue (one of the
four Art. 18 categories) for the district project office and the key-project meeting, tracks it, and
feeds the result back to the officer and the enterprise.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DifficultyState(models.TextChoices):
    OPEN = "open", _("联络官协调中")
    REPORTED = "reported", _("已上报中心")
    AWAITING_APPROVAL = "awaiting_approval", _("待中心负责人审核提交")
    ESCALATED = "escalated", _("已提交区项目办")
    CONCLUDED = "concluded", _("协调完毕待反馈")
    RESOLVED = "resolved", _("已办结")
    WITHDRAWN = "withdrawn", _("已撤回")


class MajorIssueCategory(models.TextChoices):
    """Art. 18: the matters that go to the district project office and the key-project meeting."""

    OVERLAPPING_DUTIES = "overlapping_duties", _("（一）部门职能交叉、职责不清影响项目办理进程")
    PILOT_REFORM_CONFLICT = "pilot_reform_conflict", _("（二）审批制度改革试行方案、办法不完善产生矛盾")
    KEY_PROJECT_ACCELERATION = "key_project_acceleration", _("（三）省、市、区重点建设项目需加快审批进度")
    OTHER = "other", _("（四）中心认为有必要提交协调的其他情况")


OPEN_STATES = frozenset(
    {
        DifficultyState.OPEN,
        DifficultyState.REPORTED,
        DifficultyState.AWAITING_APPROVAL,
        DifficultyState.ESCALATED,
        DifficultyState.CONCLUDED,
    }
)
ENDED_STATES = frozenset({DifficultyState.RESOLVED, DifficultyState.WITHDRAWN})


class Difficulty(models.Model):
    project = models.ForeignKey(
        "intake.Project", verbose_name=_("项目"), on_delete=models.PROTECT, related_name="difficulties"
    )
    project_item = models.ForeignKey(
        "tracking.ProjectItem",
        verbose_name=_("涉及的审批事项"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="difficulties",
    )
    number = models.CharField(_("编号"), max_length=20, unique=True)
    title = models.CharField(_("问题"), max_length=120)
    description = models.TextField(_("问题描述"))
    analysis = models.TextField(_("原因分析"), blank=True)
    proposal = models.TextField(_("解决建议"), blank=True)
    state = models.CharField(
        _("状态"), max_length=20, choices=DifficultyState.choices, default=DifficultyState.OPEN
    )
    category = models.CharField(
        _("重大问题类别"), max_length=32, choices=MajorIssueCategory.choices, blank=True
    )
    outcome = models.TextField(_("处理结果"), blank=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(_("提出时间"), default=timezone.now)
    reported_at = models.DateTimeField(_("上报中心时间"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("提交区项目办时间"), null=True, blank=True)
    concluded_at = models.DateTimeField(_("协调完毕时间"), null=True, blank=True)
    ended_at = models.DateTimeField(_("解决/撤回时间"), null=True, blank=True)
    # The date the step now waiting is due by (the centre's coordination after a report, its feedback
    # after the project office concludes); None when nothing waits on a deadline.
    due_on = models.DateField(_("处理期限"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        verbose_name = _("难点问题")
        verbose_name_plural = _("难点问题")
        indexes = [
            models.Index(fields=["state", "raised_at"]),
            # the list's own order: a page is read off this index instead of sorting every row matched
            models.Index(fields=["-raised_at", "-id"], name="coordination_diff_listed"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class DifficultyStep(models.Model):
    """One step in a difficulty's history: who, in which role, when, what they wrote."""

    difficulty = models.ForeignKey(Difficulty, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(_("操作"), max_length=20)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acting_role = models.CharField(max_length=20)
    comment = models.TextField(_("说明"), blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("难点问题处理记录")
        verbose_name_plural = _("难点问题处理记录")

    def __str__(self) -> str:
        return f"{self.difficulty_id}: {self.name}"


class DifficultySerial(models.Model):
    """The last serial number of a year (NDWT-2026-0001): one row per year, taken under a lock."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
