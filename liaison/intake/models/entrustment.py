from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EntrustmentScope(models.TextChoices):
    FULL = "full", _("全程委托代办")
    PARTIAL = "partial", _("部分委托代办")


class EntrustmentStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待受理")
    RETURNED = "returned", _("退回补充")
    ACCEPTED = "accepted", _("已受理")
    REJECTED = "rejected", _("不予受理")
    WITHDRAWN = "withdrawn", _("已撤回")
    CONCLUDED = (
        "concluded",
        _("服务已结束"),
    )  # completed or terminated (liaison.closure); a new one may follow


class Entrustment(models.Model):
    """An enterprise's request for the free liaison-officer service, its review and formalities (Art. 7, 12)."""

    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="entrustments")
    scope = models.CharField(_("委托方式"), max_length=10, choices=EntrustmentScope.choices)
    stages = models.JSONField(_("委托阶段"), default=list, blank=True)
    items = models.ManyToManyField("catalogue.ApprovalItem", verbose_name=_("委托事项"), blank=True)
    notes = models.TextField(_("委托说明"), blank=True)
    terms_accepted_at = models.DateTimeField(_("同意服务条款时间"), null=True, blank=True)
    status = models.CharField(
        _("状态"),
        max_length=10,
        choices=EntrustmentStatus.choices,
        default=EntrustmentStatus.DRAFT,
        db_index=True,
    )
    eligibility = models.JSONField(_("代办范围审查结果"), default=dict, blank=True)
    ineligible_reason = models.TextField(_("不符合范围仍申请的理由"), blank=True)
    missing_information = models.JSONField(_("需补充的材料清单"), default=list, blank=True)
    decision_reason = models.TextField(_("处理意见"), blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    decided_at = models.DateTimeField(_("受理/处理时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("委托代办申请")
        verbose_name_plural = _("委托代办申请")
        constraints = [
            # One live request per project: a new one only after the last was rejected or withdrawn.
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(status__in=["draft", "submitted", "returned", "accepted"]),
                name="one_live_entrustment_per_project",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.get_scope_display()}"


class EntrustmentTransition(models.Model):
    """One step of a request's history: who moved it from which state to which, and why."""

    entrustment = models.ForeignKey(Entrustment, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=EntrustmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=EntrustmentStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("申请流转记录")
        verbose_name_plural = _("申请流转记录")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class EntrustmentAttachment(models.Model):
    """A file attached to a request; its type was checked by content, its checksum kept."""

    entrustment = models.ForeignKey(Entrustment, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("文件"), upload_to="entrustments/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    description = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("申请附件")
        verbose_name_plural = _("申请附件")

    def __str__(self) -> str:
        return self.original_name
