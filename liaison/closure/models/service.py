"""The end of a project's service (Art. 10(6), 15, 16): its state, its steps and the handover list."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceState(models.TextChoices):
    IN_SERVICE = "in_service", _("服务中")
    COMPLETION_PREPARED = "completion_prepared", _("待项目单位确认移交")
    RECEIPT_CONFIRMED = "receipt_confirmed", _("待中心确认办结")
    COMPLETED = "completed", _("已办结")
    TERMINATION_REQUESTED = "termination_requested", _("终止待确认")
    TERMINATED = "terminated", _("已终止")


ENDED_STATES = frozenset({ServiceState.COMPLETED, ServiceState.TERMINATED})
# What waits on whom, by a date (the deadline engine's kinds in deadline_kinds.py).
WAITING_ON_ENTERPRISE = frozenset({ServiceState.COMPLETION_PREPARED})
WAITING_ON_CENTRE = frozenset({ServiceState.RECEIPT_CONFIRMED, ServiceState.TERMINATION_REQUESTED})


def waiting_on_enterprise_q(state: str = "state", pending: str = "termination_handover_pending") -> models.Q:
    """Services whose handover waits on the enterprise's receipt: a completion prepared, or a terminated
    service whose documents were listed for handover. `state` and `pending` name the fields (or the
    annotations) holding the service's state and its pending flag."""
    return models.Q(**{f"{state}__in": sorted(WAITING_ON_ENTERPRISE)}) | models.Q(
        **{state: ServiceState.TERMINATED, pending: True}
    )


class TerminationReason(models.TextChoices):
    """Art. 16 and Art. 3: the enterprise may end the voluntary service; the centre ends it when the project
    lacks the conditions to be completed."""

    ENTERPRISE_REQUEST = "enterprise_request", _("项目单位申请终止委托")
    PROJECT_CANCELLED = "project_cancelled", _("项目取消或暂缓建设")
    CONDITIONS_LACKING = "conditions_lacking", _("用地、规划等条件不具备")
    OBLIGATIONS_UNMET = "obligations_unmet", _("项目单位经催告仍未履行配合义务")
    OTHER = "other", _("其他原因")


ENTERPRISE_REASONS = frozenset({TerminationReason.ENTERPRISE_REQUEST, TerminationReason.OTHER})


class Service(models.Model):
    """One accepted entrustment's service, from dispatch to its end. A new entrustment on the same project
    (续办) starts a new service; the old one keeps its history."""

    entrustment = models.OneToOneField("intake.Entrustment", on_delete=models.PROTECT, related_name="service")
    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="services")
    state = models.CharField(
        _("服务状态"), max_length=24, choices=ServiceState.choices, default=ServiceState.IN_SERVICE
    )
    due_on = models.DateField(_("当前步骤期限"), null=True, blank=True)
    termination_reason = models.CharField(
        _("终止原因"), max_length=24, choices=TerminationReason.choices, blank=True
    )
    termination_note = models.TextField(_("终止原因说明"), blank=True)
    termination_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    completion_note = models.TextField(_("办结说明"), blank=True)
    # Art. 16: a terminated service still hands its documents over; the enterprise confirms receipt after.
    termination_handover_pending = models.BooleanField(_("终止后待项目单位确认资料移交"), default=False)
    ended_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("联络官服务")
        verbose_name_plural = _("联络官服务")
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.state}"

    @property
    def termination_text(self) -> str:
        """The reason as messages and steps print it: the label, then the explanation."""
        if not self.termination_reason:
            return ""
        return f"{TerminationReason(self.termination_reason).label}：{self.termination_note}"


class ServiceStep(models.Model):
    """One step of a service's state machine: who, when, from what to what, and why."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(max_length=40)
    from_state = models.CharField(max_length=24)
    to_state = models.CharField(max_length=24)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acting_role = models.CharField(max_length=24)
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("服务办理记录")
        verbose_name_plural = _("服务办理记录")

    def __str__(self) -> str:
        return f"{self.name}: {self.from_state} -> {self.to_state}"

    @property
    def from_label(self) -> str:
        return str(ServiceState(self.from_state).label)

    @property
    def to_label(self) -> str:
        return str(ServiceState(self.to_state).label)


class HandoverLine(models.Model):
    """One document on the handover list (资料移交清单)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="handover_lines")
    position = models.PositiveSmallIntegerField(_("序号"))
    name = models.CharField(_("资料名称"), max_length=200)
    issuer = models.CharField(_("发文（发证）机关"), max_length=120, blank=True)
    number = models.CharField(_("文号（证号）"), max_length=80, blank=True)
    original = models.BooleanField(_("原件"), default=True)
    copies = models.PositiveSmallIntegerField(
        _("份数"), default=1, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    pages = models.PositiveSmallIntegerField(
        _("页数"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(9999)]
    )
    remarks = models.CharField(_("备注"), max_length=200, blank=True)
    handed_over = models.BooleanField(_("移交"), default=True)
    not_handed_reason = models.CharField(_("未移交原因"), max_length=200, blank=True)
    disputed = models.BooleanField(_("有异议"), default=False)
    dispute_note = models.CharField(_("异议说明"), max_length=300, blank=True)
    custody_entry = models.ForeignKey(
        "closure.CustodyEntry", on_delete=models.PROTECT, null=True, blank=True, related_name="handover_lines"
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("资料移交清单条目")
        verbose_name_plural = _("资料移交清单条目")
        constraints = [
            models.UniqueConstraint(fields=["service", "position"], name="handover_line_position_unique"),
            models.CheckConstraint(
                condition=models.Q(handed_over=True) | ~models.Q(not_handed_reason=""),
                name="handover_line_reason_when_kept",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"
