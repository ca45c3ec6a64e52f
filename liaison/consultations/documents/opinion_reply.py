"""The opinion-reply form (行业部门审批（服务）事项意见回复表, Attachment 3) of one reply, as .docx and PDF.

Filled from the centre's active upload of the template if there is one, otherwise the built-in
opinion_reply.docx in this folder. Callers check who may read the reply; these functions only render.
"""

from __future__ import annotations

import re

from django.db.models import Prefetch

from liaison.consultations.documents.context import KIND, reply_context
from liaison.consultations.models import Forwarding, OpinionReply
from liaison.core.documents import docx_to_pdf
from liaison.intake.documents.sources import render_docx, template_bytes

UNSAFE_IN_FILENAME = re.compile(r'[\\/:*?"<>|\s]+')


def _loaded(reply: OpinionReply) -> OpinionReply:
    chain = Forwarding.objects.select_related(
        "from_guide", "to_guide", "from_item__department", "to_item__department"
    )
    return (
        OpinionReply.objects.select_related(
            "consultation__raised_by__officer",
            "consultation__first_contact",
            "project__enterprise",
            "approval_item",
            "department",
            "guide",
        )
        .prefetch_related("materials", Prefetch("consultation__forwardings", queryset=chain))
        .get(pk=reply.pk)
    )


def opinion_reply_docx(reply: OpinionReply) -> bytes:
    """The filled form as .docx bytes."""
    return render_docx(template_bytes(KIND), reply_context(_loaded(reply)))


def opinion_reply_pdf(reply: OpinionReply) -> bytes:
    """The filled form as PDF bytes (LibreOffice); DomainError with a Chinese message if it cannot convert."""
    return docx_to_pdf(opinion_reply_docx(reply))


def opinion_reply_filename(reply: OpinionReply, ext: str) -> str:
    """E.g. 意见回复表-ZX-2026-0003-2.pdf (the consultation number and the reply's sequence)."""
    number = UNSAFE_IN_FILENAME.sub("_", reply.consultation.number)
    return f"意见回复表-{number}-{reply.seq}.{ext.lstrip('.').lower()}"


__all__ = ["opinion_reply_docx", "opinion_reply_filename", "opinion_reply_pdf"]
