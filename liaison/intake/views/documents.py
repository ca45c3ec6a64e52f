"""Downloads: the assignment order (派任单, Attachment 2) and the entrustment agreement, as .docx or PDF."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.core.documents import docx_to_pdf
from liaison.core.errors import DomainError
from liaison.intake.documents.render import assignment_order_docx, entrustment_agreement_docx
from liaison.intake.models import Project
from liaison.intake.policies import sees_enterprise_contacts_in_full
from liaison.intake.views.common import actor_of, flash_error, project_or_404

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_response(project: Project, render: Callable[..., tuple[bytes, str]], fmt: str) -> HttpResponse:
    """Render the document (raises DomainError when it does not exist yet) as a download."""
    data, filename = render(project=project)
    content_type = DOCX_TYPE
    if fmt == "pdf":
        data, filename, content_type = (
            docx_to_pdf(data),
            filename.removesuffix(".docx") + ".pdf",
            "application/pdf",
        )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _download(request: HttpRequest, pk: int, render: Callable[..., tuple[bytes, str]]) -> HttpResponse:
    project = project_or_404(request, pk)
    # The documents carry full phone numbers: only those who see the contacts unmasked may download them.
    if not sees_enterprise_contacts_in_full(actor_of(request), project):
        raise Http404(_("页面不存在。"))
    fmt = request.GET.get("format", "docx")
    if fmt not in ("docx", "pdf"):
        messages.error(request, _("文件格式只能是 Word（docx）或 PDF。"))
        return HttpResponseRedirect(reverse("intake:project_detail", args=[project.pk]))
    try:
        return document_response(project, render, fmt)
    except DomainError as exc:
        flash_error(request, exc)
        return HttpResponseRedirect(reverse("intake:project_detail", args=[project.pk]))


@login_required
@require_GET
def assignment_order(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, assignment_order_docx)


@login_required
@require_GET
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, entrustment_agreement_docx)
