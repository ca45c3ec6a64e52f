"""The list pattern's background exports (`liaison.core.export_jobs`): one row per export too large to write
during the request, kept with who asked, which list and filter, its progress and its file."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportState(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("生成中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")
    EXPIRED = "expired", _("已过期")


# Why a job failed, shown to the user in their language (the code is stored, the sentence is not).
FAILURES = {
    "forbidden": _("您已无权查看该清单（或其中的数据），导出未完成。"),
    "not_exported": _("该清单的筛选条件无效或已不支持导出，请回到清单重新筛选后再导出。"),
    "inactive": _("账号已停用，导出未完成。"),
    "interrupted": _("导出因后台服务中断未能完成，请重新导出。"),
    "error": _("生成文件时出错，导出未完成。请稍后重试；仍然失败请联系系统管理员。"),
}


class ExportJob(models.Model):
    """A list's export written by the background worker, as the user who asked, from the same URL query."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("清单"), max_length=100)  # the export's name (ListExport.name)
    path = models.CharField(max_length=300)  # the list page's path
    query = models.CharField(max_length=2000)  # its URL query: filters, keyword and sort (with export=xlsx)
    language = models.CharField(max_length=10, blank=True)
    state = models.CharField(
        _("状态"), max_length=10, choices=ExportState.choices, default=ExportState.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("总行数"), default=0)
    rows_done = models.PositiveIntegerField(_("已写行数"), default=0)
    cut = models.BooleanField(default=False)  # more rows than EXPORT_BACKGROUND_MAX matched
    failure = models.CharField(max_length=20, blank=True)  # a key of FAILURES
    file = models.FileField(upload_to="exports/%Y/%m/", max_length=200, blank=True)  # never served by /media/
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"]), models.Index(fields=["state", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.name} #{self.pk} ({self.state})"

    @property
    def percent(self) -> int:
        if self.state == ExportState.DONE:
            return 100
        return min(100, self.rows_done * 100 // self.rows_total) if self.rows_total else 0

    @property
    def failure_text(self) -> str:
        return str(FAILURES.get(self.failure, FAILURES["error"])) if self.state == ExportState.FAILED else ""

    @property
    def unfinished(self) -> bool:
        return self.state in {ExportState.QUEUED, ExportState.RUNNING}
