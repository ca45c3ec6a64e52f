from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from liaison.catalogue.models import MaterialForm


class MaterialStatus(models.TextChoices):
    MISSING = "missing", _("未提供")
    PROVIDED = "provided", _("已提供")
    NEEDS_REVISION = "needs_revision", _("需修改")
    ACCEPTED = "accepted", _("已认可")


class MaterialSubmission(models.Model):
    """One line of a project item's materials checklist, copied from the catalogue when the plan is drafted."""

    project_item = models.ForeignKey(
        "tracking.ProjectItem", on_delete=models.CASCADE, related_name="materials"
    )
    requirement = models.ForeignKey(
        "catalogue.MaterialRequirement", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    seq = models.PositiveIntegerField(_("序号"))
    name = models.CharField(_("材料名称"), max_length=200)
    form = models.CharField(_("原件/复印件"), max_length=12, choices=MaterialForm.choices)
    copies = models.PositiveIntegerField(_("份数"), default=1)
    required = models.BooleanField(_("必需"), default=True)
    issuing_body = models.CharField(_("出具单位"), max_length=100, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=MaterialStatus.choices, default=MaterialStatus.MISSING
    )
    revision_reason = models.CharField(_("修改意见"), max_length=500, blank=True)
    file_count = models.PositiveIntegerField(_("文件版本数"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["project_item", "seq", "id"]
        verbose_name = _("申报材料")
        verbose_name_plural = _("申报材料")
        constraints = [
            models.UniqueConstraint(fields=["project_item", "seq"], name="uniq_material_seq_per_item"),
        ]

    def __str__(self) -> str:
        return self.name


class MaterialFile(models.Model):
    """One uploaded version of a material: never overwritten; checked by content, checksum kept."""

    submission = models.ForeignKey(MaterialSubmission, on_delete=models.CASCADE, related_name="files")
    version = models.PositiveIntegerField(_("版本"))
    file = models.FileField(_("文件"), upload_to="tracking/materials/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(max_length=64)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    review_status = models.CharField(_("审查结果"), max_length=16, choices=MaterialStatus.choices, blank=True)
    review_reason = models.CharField(_("审查意见"), max_length=500, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("审查时间"), null=True, blank=True)

    class Meta:
        ordering = ["submission", "version"]
        verbose_name = _("材料文件")
        verbose_name_plural = _("材料文件")
        constraints = [
            models.UniqueConstraint(fields=["submission", "version"], name="uniq_material_file_version"),
        ]

    def __str__(self) -> str:
        return f"{self.original_name} v{self.version}"
