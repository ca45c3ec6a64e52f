"""Spot checks by the district's discipline-inspection commission (监督检查, Art. 22–23): an inspection of a
project, an officer, a guide or a department; its findings; an optional rectification with a deadline; the
inspected party's report and the supervisor's acceptance or sending back (the thread of steps)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    PROJECT = "project", _("项目")
    OFFICER = "officer", _("联络官")
    GUIDE = "guide", _("专职指导员")
    DEPARTMENT = "department", _("职能部门")


class InspectionState(models.TextChoices):
    OPEN = "open", _("检查中")
    RECTIFYING = "rectifying", _("整改中")
    REVIEWING = "reviewing", _("整改待审核")
    CLOSED = "closed", _("已办结")


class Inspection(models.Model):
    """One spot check. Only the supervisors (and the centre's leaders, reading) see the findings; the
    inspected party sees the rectification request and the report thread once rectification is asked."""

    subject_type = models.CharField(_("检查对象类型"), max_length=12, choices=SubjectType.choices)
    project = models.ForeignKey(
        "intake.Project",
        verbose_name=_("项目"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    officer = models.ForeignKey(
        "officers.Officer",
        verbose_name=_("联络官"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    guide = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("专职指导员"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    department = models.ForeignKey(
        "directory.Department",
        verbose_name=_("职能部门"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("检查事项"), max_length=200)
    findings = models.TextField(_("检查发现"))
    state = models.CharField(
        _("状态"), max_length=12, choices=InspectionState.choices, default=InspectionState.OPEN, db_index=True
    )
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_on = models.DateField(_("检查日期"), db_index=True)
    rectification_asked = models.TextField(_("整改要求"), blank=True)
    rectification_required_on = models.DateField(_("要求整改日期"), null=True, blank=True)
    rectify_days = models.PositiveSmallIntegerField(_("整改期限（工作日）"), null=True, blank=True)
    rectify_due = models.DateField(_("整改期限"), null=True, blank=True, db_index=True)
    reported_on = models.DateField(_("整改报告日期"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    conclusion = models.TextField(_("检查结论"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("监督检查")
        verbose_name_plural = _("监督检查")

    def __str__(self) -> str:
        return f"inspection {self.pk} ({self.state})"

    @property
    def subject_name(self) -> str:
        if self.subject_type == SubjectType.PROJECT and self.project is not None:
            return self.project.name
        if self.subject_type == SubjectType.OFFICER and self.officer is not None:
            return f"{self.officer.user.display_name}（{self.officer.number}）"
        if self.subject_type == SubjectType.GUIDE and self.guide is not None:
            return self.guide.display_name
        if self.subject_type == SubjectType.DEPARTMENT and self.department is not None:
            return self.department.name
        return ""


class InspectionStep(models.Model):
    """One step of an inspection's thread (the rectification request, a report, a sending back, the close)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(max_length=32)
    from_state = models.CharField(max_length=12, choices=InspectionState.choices, blank=True)
    to_state = models.CharField(max_length=12, choices=InspectionState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acting_role = models.CharField(max_length=32)
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("监督检查记录")
        verbose_name_plural = _("监督检查记录")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"
