from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ObligationKind(models.TextChoices):
    MATERIAL = "material", _("提供材料")
    REVISION = "revision", _("修改补正")
    ATTENDANCE = "attendance", _("现场办理")
    FEE = "fee", _("缴纳费用")


class EnterpriseObligation(models.Model):
    """A dated to-do of the enterprise (Art. 9): materials, a revision, attending in person, paying a fee."""

    project = models.ForeignKey("intake.Project", on_delete=models.CASCADE, related_name="obligations")
    project_item = models.ForeignKey(
        "tracking.ProjectItem", on_delete=models.CASCADE, null=True, blank=True, related_name="obligations"
    )
    submission = models.ForeignKey(
        "tracking.MaterialSubmission",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="obligations",
    )
    kind = models.CharField(_("类型"), max_length=12, choices=ObligationKind.choices)
    title = models.CharField(_("事项"), max_length=200)
    details = models.TextField(_("具体要求"), blank=True)
    due_on = models.DateField(_("截止日期"))
    done = models.BooleanField(_("已完成"), default=False)
    done_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Set when the to-do ended without being done (the project's service ended): `done` is then True too,
    # so nothing waits on it, and `done_at` / `done_by` say when and by whose step it was cancelled.
    cancel_reason = models.CharField(_("取消原因"), max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done", "due_on", "id"]
        verbose_name = _("项目单位待办")
        verbose_name_plural = _("项目单位待办")
        indexes = [models.Index(fields=["done", "due_on"])]

    def __str__(self) -> str:
        return self.title
