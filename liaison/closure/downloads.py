"""The closure's forms (handover list, completion form, termination form) as .docx or PDF, for whoever may
see the project's service; 404 until the form exists. A custody entry's scan as a file (page and API)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.closure.documents.render import closure_docx, closure_filename, closure_pdf, document_exists
from liaison.closure.selectors.service import access_service
from liaison.core.errors import DomainError, NotFound

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int, which: str, ext: str) -> HttpResponse:
    try:
        panel = access_service(request.user, pk)
    except NotFound as exc:
        raise Http404(str(exc.message)) from exc
    if ext not in CONTENT_TYPES or not document_exists(panel.service, which):
        raise Http404(_("文件不存在。"))
    try:
        data = closure_pdf(panel.service, which) if ext == "pdf" else closure_docx(panel.service, which)
    except DomainError as exc:
        messages.error(request, str(exc.message))
        return HttpResponseRedirect(reverse("closure:service", args=[pk]))
    response = HttpResponse(data, content_type=CONTENT_TYPES[ext])
    response["Content-Disposition"] = content_disposition_header(
        True, closure_filename(panel.service, which, ext)
    )
    return response


def custody_scan_file(entry: Any) -> FileResponse:
    """The entry's scan as an attachment; NotFound when it has none or its file is gone."""
    if not entry.scan:
        raise NotFound(_("文件不存在。"))
    ext = entry.scan.name.rsplit(".", 1)[-1]
    try:
        handle = entry.scan.open("rb")
    except FileNotFoundError as exc:  # the row outlived its file (restored database, cleaned storage)
        raise NotFound(_("文件不存在。")) from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{entry.name[:60]}.{ext}",
        content_type=entry.scan_content_type or "application/octet-stream",
    )
