"""/api/v1/consultations/{id}/replies/{reply_id}/document.docx|.pdf: the opinion-reply form (Attachment 3).

Whoever may read the reply may download it: the enterprise only the replies relayed to it.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from ninja import Router

from liaison.consultations.models import OpinionReply
from liaison.consultations.selectors.consultations import consultation_detail
from liaison.core.bounds import Id
from liaison.core.errors import NotFound

router = Router(tags=["consultations"])
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _readable_reply(request: HttpRequest, consultation_id: int, reply_id: int) -> OpinionReply:
    detail = consultation_detail(request.user, consultation_id)
    for reply in detail.replies:
        if reply.pk == reply_id:
            return reply
    raise NotFound(_("意见回复表不存在或您无权查看。"))


def _download(request: HttpRequest, consultation_id: int, reply_id: int, ext: str) -> HttpResponse:
    # Imported here: the document machinery loads only when a document is asked for.
    from liaison.consultations.documents.opinion_reply import (  # noqa: PLC0415
        opinion_reply_docx,
        opinion_reply_filename,
        opinion_reply_pdf,
    )

    reply = _readable_reply(request, consultation_id, reply_id)
    if ext == "pdf":
        data, content_type = opinion_reply_pdf(reply), "application/pdf"
    else:
        data, content_type = opinion_reply_docx(reply), DOCX_TYPE
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, opinion_reply_filename(reply, ext))
    return response


@router.get(
    "/{consultation_id}/replies/{reply_id}/document.docx",
    summary="The opinion-reply form (Attachment 3) of one reply as .docx",
)
def reply_docx(request: HttpRequest, consultation_id: Id, reply_id: Id) -> HttpResponse:
    return _download(request, consultation_id, reply_id, "docx")


@router.get(
    "/{consultation_id}/replies/{reply_id}/document.pdf",
    summary="The opinion-reply form (Attachment 3) of one reply as PDF",
)
def reply_pdf(request: HttpRequest, consultation_id: Id, reply_id: Id) -> HttpResponse:
    return _download(request, consultation_id, reply_id, "pdf")
