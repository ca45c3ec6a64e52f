"""A complaint (投诉, Art. 25) on one of two tracks: business (业务问题, the centre with the department) or
integrity and conduct (廉政作风, the discipline-inspection supervisors only).

On the business track the content is kept in plain columns; on the integrity track those columns are
empty and the content — what happened, when, the evidence names, the complainant's name, contact and
account — is one Fernet token in `sealed` (liaison/complaints/crypto.py), readable only in the
supervisors' pages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    BUSINESS = "business", _("业务问题")
    INTEGRITY = "integrity", _("廉政作风问题")


class SubjectKind(models.TextChoices):
    OFFICER = "officer", _("联络官")
    GUIDE = "guide", _("专职指导员")
    DEPARTMENT = "department", _("部门")
    CENTRE = "centre", _("政务服务中心")


class BusinessState(models.TextChoices):
    RECEIVED = "received", _("待登记")
    INVESTIGATING = "investigating", _("调查处理中")
    REPLIED = "replied", _("已答复，待评价")
    CLOSED = "closed", _("已办结")
    REVIEWING = "reviewing", _("待复核")
    REVIEWED = "reviewed", _("已复核")
    TRANSFERRED = "transferred", _("已移交纪检")


class IntegrityState(models.TextChoices):
    RECEIVED = "i_received", _("待登记")
    VERIFYING = "i_verifying", _("核查中")
    CONCLUDED = "i_concluded", _("已办结")
    TRANSFERRED = "i_transferred", _("已转业务办理")


ALL_STATES = [*BusinessState.choices, *IntegrityState.choices]


class Finding(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("属实")
    PARTLY = "partly", _("部分属实")
    NOT_SUBSTANTIATED = "not_substantiated", _("不属实")


SUBSTANTIATED_FINDINGS = frozenset({Finding.SUBSTANTIATED, Finding.PARTLY})


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class Complaint(models.Model):
    number = models.CharField(_("投诉编号"), max_length=20, unique=True, null=True, blank=True)
    track = models.CharField(_("投诉类型"), max_length=10, choices=Track.choices)
    state = models.CharField(_("办理状态"), max_length=16, choices=ALL_STATES)
    subject_kind = models.CharField(_("投诉对象"), max_length=12, choices=SubjectKind.choices)
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
        verbose_name=_("指导员"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    department = models.ForeignKey(
        "directory.Department",
        verbose_name=_("部门"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    project = models.ForeignKey(
        "intake.Project",
        verbose_name=_("项目"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Business track only (empty on the integrity track: the content is in `sealed`).
    text = models.TextField(_("投诉内容"), blank=True)
    happened_on = models.DateField(_("发生时间"), null=True, blank=True)
    complainant_name = models.CharField(_("投诉人"), max_length=60, blank=True)
    complainant_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    complainant_email = models.EmailField(_("电子邮箱"), blank=True)
    complainant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The complainant's choice (kept on both tracks: it decides what a move to the business track reveals).
    anonymous = models.BooleanField(_("匿名"), default=False)
    identity_consent = models.BooleanField(_("同意向办理部门提供身份"), default=False)
    wording_confirmed = models.BooleanField(_("投诉人确认投诉类型"), default=False)
    sealed = models.TextField(blank=True)  # integrity track: a Fernet token of the content
    query_code_hash = models.CharField(max_length=64, unique=True)
    received_at = models.DateTimeField(_("收到时间"))
    due_on = models.DateField(_("当前期限"), null=True, blank=True, db_index=True)
    reply_due = models.DateField(_("答复期限"), null=True, blank=True)
    registration_due = models.DateField(_("登记期限"), null=True, blank=True)
    registered_at = models.DateTimeField(_("登记时间"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    investigator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("调查人"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    finding = models.CharField(_("调查结论"), max_length=20, choices=Finding.choices, blank=True)
    measures = models.TextField(_("处理措施"), blank=True)
    reply = models.TextField(_("答复意见"), blank=True)
    sealed_conclusion = models.TextField(blank=True)  # integrity track: the supervisors' conclusion
    concluded_at = models.DateTimeField(_("办结时间"), null=True, blank=True, db_index=True)
    satisfaction = models.CharField(_("满意度"), max_length=14, choices=Satisfaction.choices, blank=True)
    rated_at = models.DateTimeField(_("评价时间"), null=True, blank=True)
    review_reason = models.TextField(_("复核申请理由"), blank=True)
    review_requested_at = models.DateTimeField(_("申请复核时间"), null=True, blank=True)
    review_conclusion = models.TextField(_("复核结论"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("复核时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("投诉")
        verbose_name_plural = _("投诉")
        indexes = [models.Index(fields=["track", "state"])]

    def __str__(self) -> str:
        return self.number or f"complaint {self.pk}"

    @property
    def subject_id(self) -> int | None:
        return {
            SubjectKind.OFFICER: self.officer_id,
            SubjectKind.GUIDE: self.guide_id,
            SubjectKind.DEPARTMENT: self.department_id,
        }.get(self.subject_kind)  # type: ignore[call-overload]


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"complaints/evidence/{instance.token}.bin"


class Evidence(models.Model):
    """An evidence file: its bytes always stored encrypted; its name plain on the business track, sealed on
    the integrity track."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="evidence")
    token = models.CharField(max_length=32, unique=True)
    blob = models.FileField(upload_to=evidence_path, max_length=200)
    name = models.CharField(_("文件名"), max_length=200, blank=True)
    sealed_name = models.TextField(blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("投诉证据")
        verbose_name_plural = _("投诉证据")

    def __str__(self) -> str:
        return f"evidence {self.pk}"
