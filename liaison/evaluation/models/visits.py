"""动态回访及满意度测评 (Art. 11(4)): return visits the centre plans and records, with its survey."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.stages import Stage


class QuestionTarget(models.TextChoices):
    OFFICER = "officer", _("联络官")
    GUIDE = "guide", _("指导员")
    OVERALL = "overall", _("总体")


class SurveyQuestion(models.Model):
    """One question of the satisfaction survey (满意度测评), answered 1–5; the centre keeps the list."""

    text = models.CharField(_("测评问题"), max_length=200, unique=True)
    target = models.CharField(_("测评对象"), max_length=10, choices=QuestionTarget.choices)
    order = models.PositiveIntegerField(_("顺序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("测评问题")
        verbose_name_plural = _("测评问题")

    def __str__(self) -> str:
        return self.text


class VisitReason(models.TextChoices):
    PERIODIC = "periodic", _("定期回访")
    STAGE = "stage", _("阶段完成回访")
    MANUAL = "manual", _("中心安排")


class VisitMethod(models.TextChoices):
    PHONE = "phone", _("电话")
    ON_SITE = "on_site", _("实地")
    ONLINE = "online", _("线上")


class VisitState(models.TextChoices):
    PLANNED = "planned", _("待回访")
    DONE = "done", _("已回访")
    CANCELLED = "cancelled", _("已取消")


class ReturnVisit(models.Model):
    """A return visit to a project's enterprise: planned (with its deadline and the staff member it is
    assigned to, the project's guides asked to take part), then recorded with the survey's answers."""

    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="return_visits")
    reason = models.CharField(_("回访原因"), max_length=10, choices=VisitReason.choices)
    stage = models.CharField(_("完成的阶段"), max_length=32, choices=Stage.choices, blank=True)
    state = models.CharField(_("状态"), max_length=10, choices=VisitState.choices, default=VisitState.PLANNED)
    planned_on = models.DateField(_("安排日期"))
    due_on = models.DateField(_("回访期限"), null=True, blank=True, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("回访人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    guides = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("参与的指导员"), blank=True, related_name="+"
    )
    visited_on = models.DateField(_("回访日期"), null=True, blank=True)
    method = models.CharField(_("回访方式"), max_length=10, choices=VisitMethod.choices, blank=True)
    spoken_to = models.CharField(_("受访人"), max_length=100, blank=True)
    issues = models.TextField(_("反映的问题"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["state", "due_on", "id"]
        verbose_name = _("回访")
        verbose_name_plural = _("回访")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "stage"],
                condition=models.Q(reason="stage"),
                name="one_stage_visit_per_project",
            ),
        ]

    def __str__(self) -> str:
        return f"visit {self.pk} ({self.state})"


class SurveyAnswer(models.Model):
    visit = models.ForeignKey(ReturnVisit, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("得分"))

    class Meta:
        ordering = ["question__order", "id"]
        verbose_name = _("测评得分")
        verbose_name_plural = _("测评得分")
        constraints = [
            models.UniqueConstraint(fields=["visit", "question"], name="one_answer_per_question"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="survey_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.score}"
