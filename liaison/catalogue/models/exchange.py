from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJobStatus(models.TextChoices):
    PENDING = "pending", _("排队中")
    VALIDATING = "validating", _("校验中")
    WRITING = "writing", _("写入中")
    REJECTED = "rejected", _("校验未通过，未导入")
    SUCCEEDED = "succeeded", _("导入完成")
    FAILED = "failed", _("导入出错，未导入")


IMPORT_JOB_FINISHED = frozenset({ImportJobStatus.REJECTED, ImportJobStatus.SUCCEEDED, ImportJobStatus.FAILED})


class ImportJob(models.Model):
    """One upload of the catalogue workbook: validated row by row, then imported in one transaction."""

    file = models.FileField(_("上传文件"), upload_to="imports/catalogue/%Y/%m/")
    original_name = models.CharField(_("原文件名"), max_length=200)
    status = models.CharField(
        _("状态"), max_length=12, choices=ImportJobStatus.choices, default=ImportJobStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(_("总行数"), default=0)
    processed_rows = models.PositiveIntegerField(_("已处理行数"), default=0)
    errors = models.JSONField(_("错误明细"), default=list, blank=True)
    result = models.JSONField(_("导入结果"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("目录导入任务")
        verbose_name_plural = _("目录导入任务")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in IMPORT_JOB_FINISHED

    @property
    def percent(self) -> int:
        if self.is_finished:
            return 100
        if not self.total_rows:
            return 0
        return min(100, self.processed_rows * 100 // self.total_rows)
