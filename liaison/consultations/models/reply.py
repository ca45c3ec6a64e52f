from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.models import MaterialForm


class OpinionReply(models.Model):
    """行业部门审批（服务）事项意见回复表 (Attachment 3): the guide's opinion as a complete one-time notification."""

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.PROTECT, related_name="replies"
    )
    seq = models.PositiveIntegerField(_("次序"))
    project = models.ForeignKey("intake.Project", on_delete=models.PROTECT, related_name="+")
    approval_item = models.ForeignKey("catalogue.ApprovalItem", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey("directory.Department", on_delete=models.PROTECT, related_name="+")
    guide = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opinion = models.TextField(_("处理意见"))
    legal_basis = models.TextField(_("设定依据"))
    conditions = models.JSONField(_("办理条件"), default=list)
    procedure = models.TextField(_("办理流程"))
    time_limit = models.CharField(_("办理时限"), max_length=200)
    fees = models.CharField(_("收费标准及依据"), max_length=300)
    contact = models.CharField(_("办理地点及联系人"), max_length=300)
    joint_handling = models.TextField(_("联办部门及顺序"), blank=True)
    obstacles = models.TextField(_("不能办理的原因"), blank=True)
    remedies = models.TextField(_("陈述申辩及救济途径"), blank=True)
    signer_name = models.CharField(_("签字人"), max_length=50)
    signer_post = models.CharField(_("职务"), max_length=50)
    signed_on = models.DateField(_("签字日期"))
    replied_at = models.DateTimeField(_("答复时间"))
    on_time = models.BooleanField(_("按期答复"), default=True)
    is_supplementary = models.BooleanField(_("补充告知"), default=False)
    supplementary_reason = models.CharField(_("补充告知原因"), max_length=500, blank=True)
    added_entries = models.JSONField(_("较首次告知新增内容"), default=list)

    class Meta:
        ordering = ["consultation", "seq"]
        verbose_name = _("意见回复表")
        verbose_name_plural = _("意见回复表")
        constraints = [models.UniqueConstraint(fields=["consultation", "seq"], name="uniq_reply_seq")]
        indexes = [models.Index(fields=["project", "approval_item"])]

    def __str__(self) -> str:
        return f"{self.consultation_id} #{self.seq}"


class ReplyMaterial(models.Model):
    """One material of the reply's complete list; it is added to the project item's checklist."""

    reply = models.ForeignKey(OpinionReply, on_delete=models.CASCADE, related_name="materials")
    seq = models.PositiveIntegerField(_("序号"))
    name = models.CharField(_("材料名称"), max_length=200)
    form = models.CharField(_("原件/复印件"), max_length=12, choices=MaterialForm.choices)
    copies = models.PositiveIntegerField(_("份数"), default=1)
    issuing_body = models.CharField(_("出具单位"), max_length=100, blank=True)
    how_to_obtain = models.CharField(_("获取方式"), max_length=300, blank=True)
    required = models.BooleanField(_("必需"), default=True)
    submission = models.ForeignKey(
        "tracking.MaterialSubmission", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["reply", "seq"]
        verbose_name = _("告知材料")
        verbose_name_plural = _("告知材料")

    def __str__(self) -> str:
        return self.name


class FollowUp(models.Model):
    """What the officer did on the opinion after relaying it (按指导意见开展帮办、代办)."""

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="follow_ups"
    )
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.TextField(_("后续办理"))
    at = models.DateTimeField(_("时间"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("后续办理")
        verbose_name_plural = _("后续办理")

    def __str__(self) -> str:
        return self.action[:40]
