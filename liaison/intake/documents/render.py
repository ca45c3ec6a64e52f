"""Filling the assignment order (派任单, Attachment 2) and the entrustment agreement from recorded data.

The template is the centre's active upload of that kind if there is one (see services/templates.py),
otherwise the built-in one in this folder.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.stages import Stage
from liaison.core.docx_kit import BLANK_DATE
from liaison.core.errors import DomainError
from liaison.intake.documents.registry import context_parts
from liaison.intake.documents.sources import render_docx, template_bytes
from liaison.intake.eligibility import eligibility_basis
from liaison.intake.models import (
    Assignment,
    AssignmentRole,
    ContactRole,
    DocumentKind,
    EnterpriseContact,
    Entrustment,
    EntrustmentScope,
    EntrustmentStatus,
    Project,
)
from liaison.intake.money import investment_text

# The planned service period when no plan gives it: a line to fill in by hand.
BLANK_PERIOD = f"{BLANK_DATE}至{BLANK_DATE}"


def _contacts(project: Project) -> dict[str, str]:
    current = {
        c.role: c
        for c in EnterpriseContact.objects.filter(enterprise_id=project.enterprise_id, is_current=True)
    }
    out = {}
    for role, key in ((ContactRole.LEAD, "lead_contact"), (ContactRole.HANDLER, "handler_contact")):
        contact = current.get(role)
        out[key] = f"{contact.name}　{contact.mobile}" if contact else _("未登记")
    return out


def _scope_detail(entrustment: Entrustment) -> str:
    stages = "、".join(str(Stage(s).label) for s in entrustment.stages)
    if entrustment.scope == EntrustmentScope.FULL:
        return _("全部四个审批阶段：%(s)s") % {"s": stages}
    items = "；".join(f"{i.code} {i.name}" for i in entrustment.items.order_by("code"))
    return _("阶段：%(s)s。事项：%(i)s") % {"s": stages or "—", "i": items or _("所选阶段全部事项")}


def _accepted(project: Project) -> Entrustment:
    entrustment = (
        project.entrustments.filter(status__in=[EntrustmentStatus.ACCEPTED, EntrustmentStatus.CONCLUDED])
        .order_by("-decided_at", "-id")
        .first()
    )
    if entrustment is None:
        raise DomainError(_("项目的委托申请尚未受理。"))
    return entrustment


def _officer_text(assignment: Assignment) -> str:
    officer = assignment.officer
    return f"{officer.user.display_name}（{officer.number}）　{officer.user.mobile}"


def _base(project: Project, entrustment: Entrustment) -> dict[str, Any]:
    return {
        "region_name": settings.REGION_NAME,
        "centre_name": settings.CENTRE_NAME,
        "service_number": project.service_number or "",
        "project_name": project.name,
        "national_code": project.national_code or _("（暂无）"),
        "location": project.location,
        "enterprise_name": project.enterprise.name,
        "uscc": project.enterprise.uscc,
        "scope": entrustment.get_scope_display(),
        "scope_detail": _scope_detail(entrustment),
        **_contacts(project),
    }


def assignment_order_docx(*, project: Project) -> tuple[bytes, str]:
    """The current assignment order as .docx bytes and its file name."""
    assignments = list(
        Assignment.objects.filter(project=project, is_active=True)
        .select_related("officer__user")
        .order_by("role", "pk")
    )
    if not assignments:
        raise DomainError(_("项目尚未派任联络官，没有派任单。"))
    lead = next(a for a in assignments if a.role == AssignmentRole.LEAD)
    assistants = [a for a in assignments if a.role == AssignmentRole.ASSISTANT]
    entrustment = _accepted(project)
    context = {
        **_base(project, entrustment),
        "investment": investment_text(project.total_investment, project.currency),
        "current_stage": project.get_current_stage_display(),
        "eligibility_basis": eligibility_basis(
            entrustment.eligibility, ineligible_reason=entrustment.ineligible_reason
        ),
        "planned_period": BLANK_PERIOD,
        "order_number": lead.order_number,
        "lead_officer": _officer_text(lead),
        "assistant_officers": "；".join(_officer_text(a) for a in assistants) or _("无"),
        "assigned_date": f"{timezone.localtime(lead.assigned_at):%Y年%m月%d日}",
    }
    context.update(context_parts(DocumentKind.ASSIGNMENT_ORDER, project))
    source = template_bytes(DocumentKind.ASSIGNMENT_ORDER)
    return render_docx(source, context), f"派任单-{lead.order_number}.docx"


def entrustment_agreement_docx(*, project: Project) -> tuple[bytes, str]:
    """The entrustment agreement of the accepted request as .docx bytes and its file name."""
    entrustment = _accepted(project)
    context = {
        **_base(project, entrustment),
        "legal_representative": project.enterprise.legal_representative,
        "enterprise_address": project.enterprise.address,
        "investment": investment_text(project.total_investment, project.currency),
        "accepted_date": f"{timezone.localtime(entrustment.decided_at or timezone.now()):%Y年%m月%d日}",
    }
    source = template_bytes(DocumentKind.ENTRUSTMENT_AGREEMENT)
    return render_docx(source, context), f"委托代办协议-{project.service_number}.docx"
