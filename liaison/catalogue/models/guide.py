from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GuideAssignment(models.Model):
    """A person serving as the dedicated guide (专职指导员) of one item for a dated period.

    Exactly one active assignment per item (Art. 5: one item, one guide) is enforced by a
    partial unique index; ended assignments are the roster's history.
    """

    item = models.ForeignKey(
        "catalogue.ApprovalItem", on_delete=models.PROTECT, related_name="guide_assignments"
    )
    guide = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("指导员"),
        on_delete=models.PROTECT,
        related_name="guide_assignments",
    )
    start_date = models.DateField(_("任职日期"))
    end_date = models.DateField(_("离任日期"), null=True, blank=True)
    is_active = models.BooleanField(_("在任"), default=True)

    class Meta:
        ordering = ["item", "-start_date"]
        verbose_name = _("指导员任职")
        verbose_name_plural = _("指导员任职")
        constraints = [
            models.UniqueConstraint(
                fields=["item"], condition=models.Q(is_active=True), name="one_active_guide_per_item"
            ),
            models.CheckConstraint(
                condition=models.Q(is_active=True, end_date__isnull=True)
                | models.Q(is_active=False, end_date__isnull=False),
                name="guide_assignment_end_iff_inactive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.guide}"


class GuideChangeStatus(models.TextChoices):
    PROPOSED = "proposed", _("待中心登记")
    REGISTERED = "registered", _("已登记备案")
    REJECTED = "rejected", _("已退回")
    CANCELLED = "cancelled", _("已撤回")


class GuideChange(models.Model):
    """A change of an item's guide: proposed by the department, registered (备案) by the centre (Art. 5)."""

    item = models.ForeignKey("catalogue.ApprovalItem", on_delete=models.PROTECT, related_name="guide_changes")
    previous_guide = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    new_guide = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("新任指导员"), on_delete=models.PROTECT, related_name="+"
    )
    effective_date = models.DateField(_("生效日期"))
    reason = models.CharField(_("变更原因"), max_length=300)
    status = models.CharField(
        _("状态"), max_length=12, choices=GuideChangeStatus.choices, default=GuideChangeStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(_("提出时间"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    decision_note = models.CharField(_("处理意见"), max_length=300, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("指导员变更")
        verbose_name_plural = _("指导员变更")
        constraints = [
            models.UniqueConstraint(
                fields=["item"], condition=models.Q(status="proposed"), name="one_open_guide_change_per_item"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: → {self.new_guide_id} ({self.status})"
