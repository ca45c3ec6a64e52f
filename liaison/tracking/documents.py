"""What tracking fills on intake's documents: the planned service period of the assignment order (Attachment 2).

Registered with intake's document registry from TrackingConfig.ready(), so intake never imports tracking.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from liaison.core.docx_kit import form_date
from liaison.intake.documents.registry import register_context_part
from liaison.intake.models import DocumentKind, Project
from liaison.tracking.selectors.plans import plan_period


def planned_period_text(project: Project) -> dict[str, str]:
    """`planned_period` from the service plan (with its version); the end left blank while it is unknown."""
    period = plan_period(project=project)
    if period is None:
        return {}  # intake's blank line, to be filled in by hand
    if period.version:
        source = _("（依据服务方案第%(n)d版）") % {"n": period.version}
    else:
        source = _("（依据服务方案草稿，尚未确认）")
    return {"planned_period": f"{form_date(period.start)}至{form_date(period.end)}{source}"}


def register_document_parts() -> None:
    register_context_part(DocumentKind.ASSIGNMENT_ORDER, planned_period_text)
