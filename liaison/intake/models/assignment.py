from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("主办联络官")
    ASSISTANT = "assistant", _("协办联络官")


class Assignment(models.Model):
    """An officer dispatched to a project (派任, Art. 7, 13). Ended rows are the dispatch history."""

    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="assignments")
    officer = models.ForeignKey("officers.Officer", on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(_("派任角色"), max_length=10, choices=AssignmentRole.choices)
    is_active = models.BooleanField(_("在任"), default=True)
    assigned_at = models.DateTimeField(_("派任时间"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    order_number = models.CharField(_("派任单号"), max_length=40)
    ended_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    end_reason = models.CharField(_("变更原因"), max_length=300, blank=True)

    class Meta:
        ordering = ["project", "-is_active", "role", "assigned_at"]
        verbose_name = _("派任")
        verbose_name_plural = _("派任")
        constraints = [
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(is_active=True, role="lead"),
                name="one_active_lead_per_project",
            ),
            models.UniqueConstraint(
                fields=["project", "officer"],
                condition=models.Q(is_active=True),
                name="officer_once_per_project",
            ),
        ]
        indexes = [models.Index(fields=["officer", "is_active"])]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.officer_id} ({self.role})"
