"""我的导出: the signed-in user's background exports (liaison.core.export_jobs), their progress and files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from liaison.core.errors import DomainError, NotFound
from liaison.core.export_jobs import access_export_file, export_job_request, export_jobs_of
from liaison.core.listing import export_filename
from liaison.core.paging import paginate, querystring_without_page
from liaison.core.xlsx import XLSX_CONTENT_TYPE

POLL_MS = 2000  # how often the page asks again while an export is queued or running


@login_required
@require_GET
def export_list_page(request: HttpRequest) -> HttpResponse:
    page_obj = paginate(request, export_jobs_of(request.user))
    context = {
        "page_obj": page_obj,
        "filter_query": querystring_without_page(request),
        "polling": any(job.unfinished for job in page_obj),
        "poll_ms": POLL_MS,
    }
    # htmx asks for the table alone while something is unfinished (hx-trigger="every 2s")
    template = "core/includes/export_table.html" if request.headers.get("HX-Request") else "core/exports.html"
    return render(request, template, context)


@login_required
@require_POST
def export_request(request: HttpRequest) -> HttpResponse:
    try:
        job = export_job_request(actor=request.user, offer_token=request.POST.get("offer", ""))
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(
            request, _("已开始在后台导出“%(name)s”，完成后会通知您，可在本页下载。") % {"name": job.name}
        )
    return redirect("exports:list")


@login_required
@require_GET
def export_download(request: HttpRequest, pk: int) -> FileResponse:
    try:
        job = access_export_file(request.user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=export_filename(job.name, timezone.localdate(job.finished_at) if job.finished_at else None),
        content_type=XLSX_CONTENT_TYPE,
    )
