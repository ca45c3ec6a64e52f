"""The opinion-reply form (Attachment 3) of one reply as .docx or PDF, for whoever may see that reply."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.consultations.documents import opinion_reply
from liaison.consultations.models import OpinionReply
from liaison.consultations.views.common import detail_or_404, flash_error, to_detail
from liaison.core.errors import DomainError

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
@require_GET
def reply_download(request: HttpRequest, pk: int, ext: str) -> HttpResponse:
    consultation_id = OpinionReply.objects.filter(pk=pk).values_list("consultation_id", flat=True).first()
    if consultation_id is None or ext not in CONTENT_TYPES:
        raise Http404(_("文件不存在。"))
    # The reply is served only if the consultation's page shows it to this user (the enterprise: relayed ones).
    detail = detail_or_404(request, consultation_id)
    reply = next((r for r in detail.replies if r.pk == pk), None)
    if reply is None:
        raise Http404(_("文件不存在。"))
    try:
        data = (
            opinion_reply.opinion_reply_pdf(reply)
            if ext == "pdf"
            else opinion_reply.opinion_reply_docx(reply)
        )
    except DomainError as exc:
        flash_error(request, exc)
        return to_detail(consultation_id, f"reply-{reply.seq}")
    response = HttpResponse(data, content_type=CONTENT_TYPES[ext])
    response["Content-Disposition"] = content_disposition_header(
        True, opinion_reply.opinion_reply_filename(reply, ext)
    )
    return response
