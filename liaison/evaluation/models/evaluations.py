"""好差评 (国办发〔2019〕51号, GB/T 39734-2020): the invitation to evaluate one subject (一事一评) and the
enterprise's evaluations of it, the centre's list of bad-review reasons and its settings."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    VERY_SATISFIED = 5, _("非常满意")
    SATISFIED = 4, _("满意")
    FAIRLY_SATISFIED = 3, _("基本满意")
    DISSATISFIED = 2, _("不满意")
    VERY_DISSATISFIED = 1, _("非常不满意")


# 不满意 and 非常不满意 are bad reviews (差评); the three others count as satisfied.
BAD_LEVELS = frozenset({Level.DISSATISFIED, Level.VERY_DISSATISFIED})
SATISFIED_LEVELS = frozenset({Level.VERY_SATISFIED, Level.SATISFIED, Level.FAIRLY_SATISFIED})


class SubjectKind(models.TextChoices):
    SERVICE = "service", _("联络官服务")
    ITEM = "item", _("部门审批服务")


class Invitation(models.Model):
    """One subject the enterprise is invited to evaluate: a service that ended, or an approval item that
    finished. Who was evaluated is kept as it was then (the lead officer; the item's department and guide)."""

    kind = models.CharField(_("评价对象"), max_length=10, choices=SubjectKind.choices)
    project = models.ForeignKey(
        "intake.Project", on_delete=models.PROTECT, related_name="evaluation_invitations"
    )
    service = models.ForeignKey(
        "closure.Service", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    project_item = models.ForeignKey(
        "tracking.ProjectItem", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    officer = models.ForeignKey(
        "officers.Officer",
        verbose_name=_("联络官"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    department = models.ForeignKey(
        "directory.Department",
        verbose_name=_("部门"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    guide = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("指导员"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("评价事项"), max_length=300)
    outcome = models.CharField(_("办理结果"), max_length=40, blank=True)
    opened_on = models.DateField(_("邀请日期"))
    due_on = models.DateField(_("评价提醒期限"), null=True, blank=True)
    evaluated_at = models.DateTimeField(_("首次评价时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("评价邀请")
        verbose_name_plural = _("评价邀请")
        constraints = [
            models.UniqueConstraint(
                fields=["service"],
                condition=models.Q(service__isnull=False),
                name="one_invitation_per_service",
            ),
            models.UniqueConstraint(
                fields=["project_item"],
                condition=models.Q(project_item__isnull=False),
                name="one_invitation_per_item",
            ),
        ]
        indexes = [models.Index(fields=["project", "evaluated_at"], name="invitation_project_open")]

    def __str__(self) -> str:
        return self.title


class BadReviewReason(models.Model):
    """A reason an enterprise may give for a bad review; the centre keeps the list."""

    name = models.CharField(_("差评原因"), max_length=100, unique=True)
    order = models.PositiveIntegerField(_("顺序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("差评原因")
        verbose_name_plural = _("差评原因")

    def __str__(self) -> str:
        return self.name


class Evaluation(models.Model):
    """One evaluator's evaluation of one invitation's subject. Only the enterprise writes it; the level can
    be changed within 24 hours of the first evaluation, after that only a follow-up comment."""

    invitation = models.ForeignKey(Invitation, on_delete=models.PROTECT, related_name="evaluations")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("评价等级"), choices=Level.choices)
    guide_level = models.PositiveSmallIntegerField(
        _("指导员评价"), choices=Level.choices, null=True, blank=True
    )
    reasons = models.ManyToManyField(
        BadReviewReason, verbose_name=_("差评原因"), blank=True, related_name="+"
    )
    text = models.TextField(_("评价内容"), blank=True)
    created_at = models.DateTimeField(_("评价时间"))
    changed_at = models.DateTimeField(_("修改时间"), null=True, blank=True)
    excluded = models.BooleanField(_("申诉成立，不计入统计"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("评价")
        verbose_name_plural = _("评价")
        constraints = [
            models.UniqueConstraint(fields=["invitation", "evaluator"], name="one_evaluation_per_evaluator"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="evaluation_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invitation_id}: {self.level}"

    @property
    def is_bad(self) -> bool:
        return self.level in BAD_LEVELS


class EvaluationComment(models.Model):
    """A comment the evaluator adds after the level is fixed (追评)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("追加评价"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("追加评价")
        verbose_name_plural = _("追加评价")

    def __str__(self) -> str:
        return self.text[:40]


class EvaluationSettings(models.Model):
    """The centre's periods for evaluations, follow-ups and return visits (one row, defaults on first use)."""

    invitation_days = models.PositiveIntegerField(
        _("评价提醒期限（工作日）"), default=5, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    verify_days = models.PositiveIntegerField(
        _("差评回访核实期限（工作日）"), default=3, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    rectify_days = models.PositiveIntegerField(
        _("差评整改期限（工作日）"), default=15, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    return_days = models.PositiveIntegerField(
        _("整改后回访期限（工作日）"), default=5, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    visit_interval_months = models.PositiveIntegerField(
        _("动态回访间隔（月）"), default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    visit_days = models.PositiveIntegerField(
        _("回访任务办理期限（工作日）"), default=10, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )

    class Meta:
        verbose_name = _("评价设置")
        verbose_name_plural = _("评价设置")

    def __str__(self) -> str:
        return "evaluation settings"
