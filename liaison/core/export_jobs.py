"""Background exports of the list pattern: a list too large to export during the request (more than
`EXPORT_SYNC_MAX` rows, `liaison.core.listing.export_response`) becomes an `ExportJob`.

The worker replays the list's own view as the user who asked, with the stored URL query (filters, keyword,
sort): the same selector, the same permission checks and the same masking as the page, so the file holds
exactly the rows the list shows. `export_response`, finding `current_sink` set, writes into the job a chunk
at a time and moves its progress. The file is stored under MEDIA_ROOT (never served from there) and
downloaded only by the same user through `core/views.py`; it expires after `EXPORT_FILE_DAYS`.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from liaison.core.errors import Conflict, DomainError, NotFound, PermissionDenied
from liaison.core.export_sink import current_sink, offer_read
from liaison.core.models import ExportJob, ExportState
from liaison.core.personal_data import Seen, start_collecting, stop_collecting
from liaison.core.signals import export_job_finished, export_job_requested

logger = logging.getLogger(__name__)
REFUSED = (Http404, DjangoPermissionDenied, NotFound, PermissionDenied, Resolver404)


# --- reads -------------------------------------------------------------------------------------------


def export_jobs_of(user: Any) -> QuerySet[ExportJob]:
    """The user's own exports, newest first (nobody sees another's)."""
    return ExportJob.objects.filter(user_id=user.pk).order_by("-created_at", "-id")


def access_export_file(user: Any, pk: int) -> ExportJob:
    """The user's finished export whose file is still kept; anything else — another user's, unfinished,
    expired — is missing (404)."""
    job = export_jobs_of(user).filter(pk=pk, state=ExportState.DONE).exclude(file="").first()
    if job is None:
        raise NotFound(_("导出文件不存在或已过期。"))
    return job


# --- asking ------------------------------------------------------------------------------------------


def export_job_request(*, actor: Any, offer_token: str) -> ExportJob:
    """Queue the export the offer page proposed to `actor` (the same unfinished export is not queued twice)."""
    from liaison.core.tasks import export_job_run_task  # noqa: PLC0415 - tasks import this module

    offer = offer_read(offer_token)
    if offer is None or offer.user_id != actor.pk:
        raise Conflict(_("导出申请已失效，请回到清单重新点击“导出Excel”。"))
    mine = export_jobs_of(actor).filter(state__in=[ExportState.QUEUED, ExportState.RUNNING])
    same = mine.filter(path=offer.path, query=offer.query).first()
    if same is not None:
        return same
    if mine.count() >= settings.EXPORT_JOBS_PER_USER:
        raise Conflict(
            _("您已有 %(n)s 个导出正在进行，请等它们完成后再导出。") % {"n": settings.EXPORT_JOBS_PER_USER}
        )
    with transaction.atomic():
        job = ExportJob.objects.create(
            user=actor,
            name=offer.name[:100],
            path=offer.path[:300],
            query=offer.query[:2000],
            language=translation.get_language() or "",
            rows_total=offer.total,
        )
        export_job_requested.send(sender=ExportJob, job=job)
        transaction.on_commit(lambda: export_job_run_task.enqueue(job.pk))
    return job


# --- the worker --------------------------------------------------------------------------------------


class _JobSink:
    """Where the replayed view's `export_response` writes: progress and the file on the job's row."""

    def __init__(self, job: ExportJob) -> None:
        self.job = job
        self.finished = False

    def begin(self, total: int, *, cut: bool) -> None:
        self.job.rows_total, self.job.rows_done, self.job.cut = total, 0, cut
        ExportJob.objects.filter(pk=self.job.pk).update(rows_total=total, rows_done=0, cut=cut)

    def progress(self, done: int) -> None:  # committed at once: the page polling the job sees it move
        self.job.rows_done = done
        ExportJob.objects.filter(pk=self.job.pk).update(rows_done=done)

    def finish(self, content: bytes, *, rows: int) -> None:
        job = self.job
        job.file.save(f"export-{job.pk}.xlsx", ContentFile(content), save=False)
        job.rows_total = job.rows_done = rows
        self.finished = True


def _replay(job: ExportJob) -> HttpResponse:
    """The list's view called as `job.user` with the stored query (no middleware: the view's own checks)."""
    match = resolve(job.path)
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = job.path
    request.GET = QueryDict(job.query)
    request.META = {"REQUEST_METHOD": "GET", "QUERY_STRING": job.query, "REMOTE_ADDR": ""}
    request.user = job.user
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()  # empty, never saved
    request.resolver_match = match
    return match.func(request, *match.args, **match.kwargs)


def _run(job: ExportJob) -> str:
    """The failure key, or "" when the file was written."""
    if not job.user.is_active:
        return "inactive"
    sink = _JobSink(job)
    token = current_sink.set(sink)
    try:
        response = _replay(job)
    except REFUSED:
        return "forbidden"
    except DomainError:
        return "not_exported"
    finally:
        current_sink.reset(token)
    if sink.finished:
        return ""
    return "forbidden" if response.status_code in {403, 404} else "not_exported"


def export_job_run(job_id: int) -> str:
    """Claim a queued export, write it and record how it ended; tell the apps above (export_job_finished)."""
    with transaction.atomic():
        job = (
            ExportJob.objects.select_for_update()
            .select_related("user")
            .filter(pk=job_id, state=ExportState.QUEUED)
            .first()
        )
        if job is None:
            return "skipped"
        job.state, job.started_at = ExportState.RUNNING, timezone.now()
        job.save(update_fields=["state", "started_at"])
    seen: Seen | None = None
    with translation.override(job.language or settings.LANGUAGE_CODE):
        collecting = start_collecting()
        try:
            failure = _run(job)
        except Exception:  # a bug or the database: the user is told, the trace goes to the log
            logger.exception("export job %s failed", job.pk)
            failure = "error"
        finally:
            seen = stop_collecting(collecting)
        now = timezone.now()
        job.state = ExportState.FAILED if failure else ExportState.DONE
        job.failure, job.finished_at = failure, now
        job.expires_at = None if failure else now + timedelta(days=settings.EXPORT_FILE_DAYS)
        job.save()
        export_job_finished.send(sender=ExportJob, job=job, seen=seen)
    return str(job.state)


def export_jobs_expire(*, now: Any = None) -> int:
    """Delete the files of finished exports past their expiry (the rows stay, marked 已过期); an export
    still "running" EXPORT_STALE_HOURS after it started lost its worker (a restart): it fails, so its
    user sees why and may ask again."""
    now = now or timezone.now()
    ExportJob.objects.filter(
        state=ExportState.RUNNING, started_at__lte=now - timedelta(hours=settings.EXPORT_STALE_HOURS)
    ).update(state=ExportState.FAILED, failure="interrupted", finished_at=now)
    count = 0
    for job in ExportJob.objects.filter(state=ExportState.DONE, expires_at__lte=now):
        if job.file:
            job.file.delete(save=False)
        job.state = ExportState.EXPIRED
        job.save(update_fields=["file", "state"])
        count += 1
    return count
