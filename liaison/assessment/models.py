"""The assessment (考核, Art. 24, 6, 20): the published method (indicators and weights, versioned), the
periods it is applied to, and each subject's frozen result (raw values, scores, the leader's adjustment)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

WEIGHT_MAX = 100


class SubjectKind(models.TextChoices):
    OFFICER = "officer", _("联络官")
    GUIDE = "guide", _("指导员")
    DEPARTMENT = "department", _("职能部门")


class MethodState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("现行")
    SUPERSEDED = "superseded", _("已废止")


class AssessmentMethod(models.Model):
    """考核办法: a published document with a version; a newer published version supersedes it, and the
    superseded text stays readable (the periods computed under it keep pointing at it)."""

    title = models.CharField(_("名称"), max_length=200)
    explanation = models.TextField(_("说明"))
    state = models.CharField(_("状态"), max_length=12, choices=MethodState.choices, default=MethodState.DRAFT)
    version = models.PositiveIntegerField(_("版本"), null=True, blank=True, unique=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    superseded_on = models.DateField(_("废止日期"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-version", "-id"]
        verbose_name = _("考核办法")
        verbose_name_plural = _("考核办法")

    def __str__(self) -> str:
        return f"{self.title} v{self.version}" if self.version else self.title


class MethodWeight(models.Model):
    """One indicator of a method and its weight (0 leaves it out). The indicator is a key of the code's
    registry (liaison/assessment/indicators.py)."""

    method = models.ForeignKey(AssessmentMethod, on_delete=models.CASCADE, related_name="weights")
    indicator = models.CharField(_("指标"), max_length=60)
    weight = models.PositiveSmallIntegerField(_("权重"), validators=[MaxValueValidator(WEIGHT_MAX)])

    class Meta:
        ordering = ["method", "id"]
        verbose_name = _("指标权重")
        verbose_name_plural = _("指标权重")
        constraints = [models.UniqueConstraint(fields=["method", "indicator"], name="uniq_method_indicator")]

    def __str__(self) -> str:
        return f"{self.indicator}={self.weight}"


class PeriodKind(models.TextChoices):
    QUARTER = "quarter", _("季度")
    YEAR = "year", _("年度")


class PeriodState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    COMPUTED = "computed", _("已计算（预览）")
    PUBLISHED = "published", _("已发布")


class AssessmentPeriod(models.Model):
    """A quarter (2026Q3) or a year (2026) assessed under one published method; frozen once published."""

    kind = models.CharField(_("周期"), max_length=8, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("年份"))
    quarter = models.PositiveSmallIntegerField(_("季度"), null=True, blank=True)
    code = models.CharField(_("考核期"), max_length=8, unique=True)
    start = models.DateField(_("开始日期"))
    end = models.DateField(_("结束日期"))
    method = models.ForeignKey(AssessmentMethod, on_delete=models.PROTECT, related_name="periods")
    state = models.CharField(_("状态"), max_length=12, choices=PeriodState.choices, default=PeriodState.DRAFT)
    computed_at = models.DateTimeField(_("计算时间"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name = _("考核期")
        verbose_name_plural = _("考核期")

    def __str__(self) -> str:
        return self.code


class SubjectResult(models.Model):
    """One subject's result in a period: the snapshot of every indicator's raw value and score (`values`,
    a list of {key, label, unit, raw, score, weight}), the computed total, and the leader's adjustment."""

    period = models.ForeignKey(AssessmentPeriod, on_delete=models.CASCADE, related_name="results")
    subject_kind = models.CharField(_("考核对象类别"), max_length=12, choices=SubjectKind.choices)
    subject_id = models.PositiveBigIntegerField()
    label = models.CharField(_("考核对象"), max_length=200)
    # Who may read it: the officer's or guide's account, and the department (a guide's or the department).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    department = models.ForeignKey(
        "directory.Department", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    values = models.JSONField(_("指标原始值与得分"), default=list)
    computed_score = models.DecimalField(_("计算得分"), max_digits=5, decimal_places=2, null=True, blank=True)
    adjusted_score = models.DecimalField(
        _("调整后得分"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    adjustment_reason = models.TextField(_("调整理由"), blank=True)
    adjusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    adjusted_at = models.DateTimeField(_("调整时间"), null=True, blank=True)

    class Meta:
        ordering = ["period", "subject_kind", "label", "id"]
        verbose_name = _("考核结果")
        verbose_name_plural = _("考核结果")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "subject_kind", "subject_id"], name="uniq_result_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_id}: {self.subject_kind} {self.label}"

    @property
    def final_score(self) -> Decimal | None:
        """The adjusted score where the leader adjusted it, else the computed one."""
        return self.adjusted_score if self.adjusted_score is not None else self.computed_score
