"""Every bad review followed up (回访核实 → 整改 → 回访), and the evaluated party's appeal (申诉复核)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.evaluation.models.evaluations import Evaluation


class FollowUpState(models.TextChoices):
    VERIFYING = "verifying", _("待回访核实")
    RECTIFYING = "rectifying", _("整改中")
    RETURNING = "returning", _("待整改回访")
    CLOSED = "closed", _("已办结")
    UNFOUNDED = "unfounded", _("核实不属实")


OPEN_FOLLOW_UP_STATES = frozenset(
    {FollowUpState.VERIFYING, FollowUpState.RECTIFYING, FollowUpState.RETURNING}
)


class Responsible(models.TextChoices):
    OFFICER = "officer", _("联络官")
    DEPARTMENT = "department", _("部门")


class FollowUp(models.Model):
    """The follow-up of one bad review. Each step has its own deadline; `due_on` is the current one."""

    evaluation = models.OneToOneField(Evaluation, on_delete=models.PROTECT, related_name="follow_up")
    state = models.CharField(
        _("处理状态"), max_length=12, choices=FollowUpState.choices, default=FollowUpState.VERIFYING
    )
    due_on = models.DateField(_("当前步骤期限"), null=True, blank=True, db_index=True)
    verify_due = models.DateField(_("核实期限"), null=True, blank=True)
    verified_on = models.DateField(_("核实日期"), null=True, blank=True)
    verification = models.TextField(_("核实情况"), blank=True)
    responsible = models.CharField(_("整改责任方"), max_length=12, choices=Responsible.choices, blank=True)
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("整改责任人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible_department = models.ForeignKey(
        "directory.Department",
        verbose_name=_("整改责任部门"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rectification_asked = models.TextField(_("整改要求"), blank=True)
    rectify_due = models.DateField(_("整改期限"), null=True, blank=True)
    reported_on = models.DateField(_("整改报告日期"), null=True, blank=True)
    rectification_report = models.TextField(_("整改情况"), blank=True)
    return_due = models.DateField(_("回访期限"), null=True, blank=True)
    returned_on = models.DateField(_("回访日期"), null=True, blank=True)
    return_note = models.TextField(_("回访情况"), blank=True)
    evaluator_accepts = models.BooleanField(_("评价人认可整改"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("差评处理")
        verbose_name_plural = _("差评处理")

    def __str__(self) -> str:
        return f"follow-up {self.pk} ({self.state})"


class FollowUpStep(models.Model):
    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(max_length=32)
    from_state = models.CharField(max_length=12, choices=FollowUpState.choices)
    to_state = models.CharField(max_length=12, choices=FollowUpState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acting_role = models.CharField(max_length=32)
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("差评处理记录")
        verbose_name_plural = _("差评处理记录")

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class AppealState(models.TextChoices):
    PENDING = "pending", _("待复核")
    UPHELD = "upheld", _("申诉成立")
    REFUSED = "refused", _("申诉不成立")


class Appeal(models.Model):
    """申诉复核: the evaluated party says a review is mistaken or malicious; the centre's leader decides.
    Only an upheld appeal takes the review out of the figures."""

    evaluation = models.OneToOneField(Evaluation, on_delete=models.PROTECT, related_name="appeal")
    appellant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    grounds = models.TextField(_("申诉理由"))
    evidence = models.FileField(_("证明材料"), upload_to="evaluation/appeals/%Y/%m/", blank=True)
    state = models.CharField(
        _("复核结果"), max_length=10, choices=AppealState.choices, default=AppealState.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("复核意见"), blank=True)
    decided_at = models.DateTimeField(_("复核时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("评价申诉")
        verbose_name_plural = _("评价申诉")

    def __str__(self) -> str:
        return f"appeal {self.pk} ({self.state})"
