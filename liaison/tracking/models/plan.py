from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ServicePlan(models.Model):
    """The officer's service plan of one project (服务方案 / 审批进度计划, Art. 10(1), 13)."""

    project = models.OneToOneField("intake.Project", on_delete=models.PROTECT, related_name="service_plan")
    start_date = models.DateField(_("计划开始日期"))
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField(_("起草时间"), auto_now_add=True)
    current_version = models.PositiveIntegerField(_("已确认版本"), default=0)
    changed_since_version = models.BooleanField(_("确认后有调整"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("服务方案")
        verbose_name_plural = _("服务方案")

    def __str__(self) -> str:
        return f"{self.project_id} v{self.current_version}"


class PlanVersion(models.Model):
    """A confirmed state of the plan, kept for ever: the snapshot, who confirmed it, when and why."""

    plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("版本号"))
    snapshot = models.JSONField(_("方案内容"))
    reason = models.CharField(_("说明"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("确认时间"), auto_now_add=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("服务方案版本")
        verbose_name_plural = _("服务方案版本")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="uniq_plan_version")]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("待联络官处理")
    ACCEPTED = "accepted", _("已采纳")
    DECLINED = "declined", _("未采纳")


class PlanDateProposal(models.Model):
    """A guide's proposed start date for their item in a project's plan (Art. 11(1)); the officer decides."""

    project_item = models.ForeignKey(
        "tracking.ProjectItem", on_delete=models.CASCADE, related_name="date_proposals"
    )
    proposed_start = models.DateField(_("建议开始日期"))
    reason = models.CharField(_("理由"), max_length=300)
    status = models.CharField(
        _("状态"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("处理意见"), max_length=300, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("计划日期建议")
        verbose_name_plural = _("计划日期建议")
        constraints = [
            models.UniqueConstraint(
                fields=["project_item"],
                condition=models.Q(status="proposed"),
                name="one_open_date_proposal_per_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_item_id}: {self.proposed_start} ({self.status})"
