"""What happens around a complaint: its steps, its moves between tracks, the cooperation asked of a
department (business track) or of the centre (a supervisors' task, with no complainant identity), and
the centre's periods."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.complaints.models.complaint import ALL_STATES, Complaint, Track


class ComplaintStep(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(max_length=32)
    from_state = models.CharField(max_length=16, choices=ALL_STATES)
    to_state = models.CharField(max_length=16, choices=ALL_STATES)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acting_role = models.CharField(max_length=32, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("投诉办理记录")
        verbose_name_plural = _("投诉办理记录")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class Transfer(models.Model):
    """A move between tracks. The centre sees only the date and the direction (never the content)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="transfers")
    from_track = models.CharField(_("原类型"), max_length=10, choices=Track.choices)
    to_track = models.CharField(_("移交至"), max_length=10, choices=Track.choices)
    at = models.DateTimeField(_("移交时间"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sealed_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("投诉移交")
        verbose_name_plural = _("投诉移交")

    def __str__(self) -> str:
        return f"{self.from_track} → {self.to_track}"


class CooperationKind(models.TextChoices):
    DEPARTMENT = "department", _("部门协助调查")
    CENTRE_TASK = "centre_task", _("纪检协查任务")


class Cooperation(models.Model):
    """Business track: the department concerned asked to cooperate (its admin answers). Integrity track: a
    task the supervisors send the centre — its text carries no complainant identity."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="cooperations")
    kind = models.CharField(_("类型"), max_length=12, choices=CooperationKind.choices)
    department = models.ForeignKey(
        "directory.Department",
        verbose_name=_("部门"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    request = models.TextField(_("协助事项"))
    due_on = models.DateField(_("答复期限"), null=True, blank=True, db_index=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("答复情况"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("投诉协查")
        verbose_name_plural = _("投诉协查")

    def __str__(self) -> str:
        return f"cooperation {self.pk}"


class ComplaintSettings(models.Model):
    reply_days = models.PositiveSmallIntegerField(_("业务投诉答复期限（工作日）"), default=15)
    cooperation_days = models.PositiveSmallIntegerField(_("部门协助答复期限（工作日）"), default=5)
    registration_days = models.PositiveSmallIntegerField(_("廉政投诉登记期限（工作日）"), default=5)
    task_days = models.PositiveSmallIntegerField(_("纪检协查任务答复期限（工作日）"), default=5)

    class Meta:
        verbose_name = _("投诉设置")
        verbose_name_plural = _("投诉设置")

    def __str__(self) -> str:
        return "complaint settings"
