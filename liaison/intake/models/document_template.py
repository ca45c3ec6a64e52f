from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    ASSIGNMENT_ORDER = "assignment_order", _("政务服务联络官派任单（附件2）")
    ENTRUSTMENT_AGREEMENT = "entrustment_agreement", _("委托代办协议")
    # Registered by liaison.consultations (documents/registry.py); stored here because uploads are.
    OPINION_REPLY = "opinion_reply", _("行业部门审批（服务）事项意见回复表（附件3）")
    # Registered by liaison.closure (documents/context.py).
    HANDOVER_LIST = "handover_list", _("资料移交清单")
    COMPLETION_FORM = "completion_form", _("联络官服务办结单")
    TERMINATION_FORM = "termination_form", _("终止委托代办确认单")


class DocumentTemplate(models.Model):
    """A Word template the centre uploaded to replace the built-in one; the active one of a kind is used."""

    kind = models.CharField(_("文书类型"), max_length=32, choices=DocumentKind.choices)
    file = models.FileField(_("模板文件"), upload_to="document_templates/%Y/")
    original_name = models.CharField(_("文件名"), max_length=200)
    sha256 = models.CharField(max_length=64)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    is_active = models.BooleanField(_("使用中"), default=True)

    class Meta:
        ordering = ["kind", "-uploaded_at", "-id"]
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(is_active=True), name="one_active_template_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.original_name}"
