"""Running one import job: validate every row (progress visible), then write all in one transaction."""

from __future__ import annotations

import datetime as dt
import io
import logging
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.catalogue.exchange.apply import catalogue_import_apply
from liaison.catalogue.exchange.policies import can_import_catalogue
from liaison.catalogue.exchange.reader import RowError, workbook_read
from liaison.catalogue.exchange.validate import plan_build
from liaison.catalogue.models import ImportJob, ImportJobStatus
from liaison.core.errors import DomainError
from liaison.core.faults import pause_point

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 25
MAX_STORED_ERRORS = 1000


class _Rejected(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def _finish(job_id: int, status: str, *, errors: list[dict[str, Any]]) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        status=status,
        errors=errors[:MAX_STORED_ERRORS],
        processed_rows=F("total_rows"),
        finished_at=timezone.now(),
    )


def _progress_writer(job_id: int) -> Any:
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if done % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=job_id).update(processed_rows=done)

    return tick


def _import(job: ImportJob) -> str:
    with job.file.open("rb") as fh:
        data = io.BytesIO(fh.read())
    parsed = workbook_read(data)
    ImportJob.objects.filter(pk=job.pk).update(total_rows=parsed.total_rows, processed_rows=0)
    plan = plan_build(parsed, progress=_progress_writer(job.pk))
    if plan.errors:
        raise _Rejected(plan.errors)
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJobStatus.WRITING, processed_rows=parsed.total_rows
    )
    with transaction.atomic():
        # Checked again inside the write transaction: the catalogue may have changed meanwhile.
        plan = plan_build(parsed)
        if plan.errors:
            raise _Rejected(plan.errors)
        reason = _("通过事项目录导入登记（%(name)s）") % {"name": job.original_name}
        result = catalogue_import_apply(actor=job.created_by, plan=plan, reason=reason)
        pause_point("catalogue_import:written")  # the catalogue written, not yet committed (fault tests)
        job.refresh_from_db()
        job.status = ImportJobStatus.SUCCEEDED
        job.result = result
        job.errors = []
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "result", "errors", "finished_at"])
        audit_record(
            actor=job.created_by,
            action="catalogue.import",
            obj=job,
            summary=_("导入事项目录工作簿“%(name)s”：%(rows)d 行，%(changes)d 处变更")
            % {"name": job.original_name, "rows": parsed.total_rows, "changes": sum(result.values())},
            extra={"result": result, "rows": parsed.total_rows},
        )
    return "succeeded"


def import_job_run(*, job_id: int) -> str:
    """Run a pending import job once; the outcome (counts or per-row errors) is stored on the job."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJobStatus.PENDING).update(
        status=ImportJobStatus.VALIDATING
    )
    if not claimed:
        return "not-pending"
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    try:
        if not can_import_catalogue(job.created_by):
            raise DomainError(_("上传人已无导入事项目录的权限。"))
        return _import(job)
    except _Rejected as exc:
        _finish(job_id, ImportJobStatus.REJECTED, errors=[e.as_dict() for e in exc.errors])
        return "rejected"
    except IntegrityError:
        logger.warning("catalogue import job %s lost a race with another change", job_id, exc_info=True)
        message = _("导入期间目录被他人修改，未导入任何数据，请重新上传。")
        _finish(job_id, ImportJobStatus.REJECTED, errors=[{"message": message, "text": message}])
        return "rejected"
    except DomainError as exc:
        message = str(exc.message)
        _finish(job_id, ImportJobStatus.REJECTED, errors=[{"message": message, "text": message}])
        return "rejected"
    except Exception:
        logger.exception("catalogue import job %s failed", job_id)
        message = _("导入时发生系统错误，未导入任何数据。请联系管理员查看日志。")
        _finish(job_id, ImportJobStatus.FAILED, errors=[{"message": message, "text": message}])
        return "failed"


def import_jobs_fail_stale(*, now: dt.datetime | None = None) -> int:
    """Jobs still validating or writing IMPORT_STALE_HOURS after their upload lost their worker (killed or
    restarted): the write is one transaction, so nothing of them is in the catalogue; they are marked failed
    with that said, so that the page stops waiting and the user uploads again. The number marked."""
    now = now or timezone.now()
    message = _("导入进程意外中断，未导入任何数据，请重新上传。")
    return ImportJob.objects.filter(
        status__in=[ImportJobStatus.VALIDATING, ImportJobStatus.WRITING],
        created_at__lte=now - dt.timedelta(hours=settings.IMPORT_STALE_HOURS),
    ).update(
        status=ImportJobStatus.FAILED,
        errors=[{"message": message, "text": message}],
        finished_at=now,
    )
