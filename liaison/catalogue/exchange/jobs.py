"""Accepting an uploaded catalogue workbook as an import job, and finding jobs again."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.exchange.policies import can_import_catalogue
from liaison.catalogue.exchange.reader import workbook_check_upload, workbook_read
from liaison.catalogue.exchange.runner import import_job_run
from liaison.catalogue.exchange.tasks import run_catalogue_import
from liaison.catalogue.models import ImportJob
from liaison.core.errors import NotFound, PermissionDenied

# Workbooks up to this many data rows are imported during the upload request; larger ones by
# the background worker while the page shows progress.
INLINE_IMPORT_MAX_ROWS = 300


def _inline_limit() -> int:
    return int(getattr(settings, "CATALOGUE_IMPORT_INLINE_MAX_ROWS", INLINE_IMPORT_MAX_ROWS))


def import_job_create(*, actor: Any, upload: UploadedFile) -> ImportJob:
    """Check the upload by its content, store it as a job and run it (inline when small, else queued)."""
    if not can_import_catalogue(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以导入事项目录。"))
    workbook_check_upload(upload, size=upload.size or 0)
    total_rows = workbook_read(upload).total_rows
    background = total_rows > _inline_limit()
    with transaction.atomic():
        job = ImportJob(
            created_by=actor,
            original_name=(upload.name or "catalogue.xlsx")[:200],
            total_rows=total_rows,
        )
        upload.seek(0)
        job.file.save(f"catalogue-{timezone.now():%Y%m%d-%H%M%S}.xlsx", upload, save=False)
        job.save()
        if background:
            job_id = job.pk
            transaction.on_commit(lambda: run_catalogue_import.enqueue(job_id))
    if not background:
        import_job_run(job_id=job.pk)
        job.refresh_from_db()
    return job


def import_job_list(*, user: Any) -> QuerySet[ImportJob]:
    """Recent import jobs, for those who may import."""
    if not can_import_catalogue(user):
        return ImportJob.objects.none()
    return ImportJob.objects.select_related("created_by").order_by("-created_at", "-id")


def access_import_job(user: Any, job_id: int) -> ImportJob:
    """The job, if `user` may see it; missing and forbidden look the same."""
    job = import_job_list(user=user).filter(pk=job_id).first()
    if job is None:
        raise NotFound(_("导入任务不存在。"))
    return job
