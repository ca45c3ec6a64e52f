"""The closure's forms of one service as .docx and PDF, and whether each exists yet.

Filled from the centre's active upload of the template if there is one, otherwise the built-in .docx in
this folder. Callers check who may see the service; these functions only render.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from liaison.closure.documents.context import completion_context, handover_context, termination_context
from liaison.closure.models import Service, ServiceState
from liaison.core.documents import docx_to_pdf
from liaison.intake.documents.sources import render_docx, template_bytes
from liaison.intake.models import DocumentKind

UNSAFE_IN_FILENAME = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class ClosureDocument:
    kind: str
    title: str
    context: Callable[[Service], dict[str, Any]]
    exists: Callable[[Service], bool]


DOCUMENTS = {
    "handover": ClosureDocument(
        DocumentKind.HANDOVER_LIST, "资料移交清单", handover_context, lambda s: s.handover_lines.exists()
    ),
    "completion": ClosureDocument(
        DocumentKind.COMPLETION_FORM,
        "办结单",
        completion_context,
        lambda s: s.state == ServiceState.COMPLETED,
    ),
    "termination": ClosureDocument(
        DocumentKind.TERMINATION_FORM,
        "终止委托代办确认单",
        termination_context,
        lambda s: s.state in (ServiceState.TERMINATION_REQUESTED, ServiceState.TERMINATED),
    ),
}


def _loaded(service: Service) -> Service:
    return Service.objects.select_related("project__enterprise", "entrustment").get(pk=service.pk)


def document_exists(service: Service, which: str) -> bool:
    """The handover list once it has lines; the completion form once completed; the termination form once
    termination is requested."""
    document = DOCUMENTS.get(which)
    return document is not None and document.exists(service)


def closure_docx(service: Service, which: str) -> bytes:
    """The filled form `which` (handover, completion, termination) as .docx bytes."""
    document = DOCUMENTS[which]
    return render_docx(template_bytes(document.kind), document.context(_loaded(service)))


def closure_pdf(service: Service, which: str) -> bytes:
    """The filled form as PDF bytes (LibreOffice); DomainError with a Chinese message if it cannot convert."""
    return docx_to_pdf(closure_docx(service, which))


def closure_filename(service: Service, which: str, ext: str) -> str:
    """E.g. 资料移交清单-WH-2026-0003.pdf (the project's service number)."""
    number = UNSAFE_IN_FILENAME.sub("_", service.project.service_number or str(service.project_id))
    return f"{DOCUMENTS[which].title}-{number}.{ext.lstrip('.').lower()}"


__all__ = ["DOCUMENTS", "closure_docx", "closure_filename", "closure_pdf", "document_exists"]
