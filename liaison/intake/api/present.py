"""The API's view of projects and requests: the same facts, masking and allowed actions as the pages."""

from __future__ import annotations

from typing import Any

from liaison.intake.models import Entrustment, EntrustmentStatus, Project
from liaison.intake.policies import is_enterprise_member, sees_enterprise_contacts_in_full
from liaison.intake.selectors.projects import project_detail
from liaison.intake.views.common import entrustment_actions, phone, project_actions


def project_row(project: Project) -> dict[str, Any]:
    history = getattr(project, "entrustment_history", None) or []
    officers = getattr(project, "active_assignments", None) or []
    return {
        "id": project.pk,
        "name": project.name,
        "enterprise_id": project.enterprise_id,
        "enterprise_name": project.enterprise.name,
        "location": project.location,
        "total_investment": project.total_investment,
        "currency": project.currency,
        "current_stage": project.current_stage,
        "service_number": project.service_number,
        "latest_status": history[0].status if history else None,
        "officers": [a.officer.user.display_name for a in officers],
    }


def entrustment_row(e: Entrustment) -> dict[str, Any]:
    return {
        "id": e.pk,
        "project_id": e.project_id,
        "project_name": e.project.name,
        "enterprise_name": e.project.enterprise.name,
        "scope": e.scope,
        "scope_label": str(e.get_scope_display()),
        "status": e.status,
        "status_label": str(e.get_status_display()),
        "submitted_at": e.submitted_at,
        "decided_at": e.decided_at,
        "eligible": (e.eligibility or {}).get("eligible"),
    }


def assignment_row(a: Any, *, full: bool) -> dict[str, Any]:
    return {
        "officer_id": a.officer_id,
        "number": a.officer.number,
        "name": a.officer.user.display_name,
        "role": a.role,
        "mobile": phone(a.officer.user.mobile, full),
        "is_active": a.is_active,
        "order_number": a.order_number,
        "assigned_at": a.assigned_at,
        "ended_at": a.ended_at,
        "end_reason": a.end_reason,
    }


def contact_row(c: Any, *, full: bool) -> dict[str, Any]:
    return {
        "id": c.pk,
        "role": c.role,
        "role_label": str(c.get_role_display()),
        "name": c.name,
        "mobile": phone(c.mobile, full),
        "since": c.since,
        "until": c.until,
        "is_current": c.is_current,
    }


def project_full(user: Any, project: Project) -> dict[str, Any]:
    related = project_detail(project)
    member = is_enterprise_member(user, project)
    entrustments = [e for e in related["entrustments"] if member or e.status != EntrustmentStatus.DRAFT]
    active = [a for a in related["assignments"] if a.is_active]
    full = sees_enterprise_contacts_in_full(user, project)
    return {
        **project_row(project),
        "content": project.content,
        "investor_nature": project.investor_nature,
        "investment_source": project.investment_source,
        "key_level": project.key_level,
        "attraction_landed": project.attraction_landed,
        "designated": project.designated,
        "designation_document": project.designation_document,
        "national_code": project.national_code,
        "registered_at": project.registered_at,
        "latest_status": entrustments[0].status if entrustments else None,
        "officers": [a.officer.user.display_name for a in active],
        "requests": [entrustment_row(e) for e in entrustments],
        "assignments": [assignment_row(a, full=full) for a in related["assignments"]],
        "contacts": [contact_row(c, full=full) for c in related["contacts"]],
        "allowed_actions": project_actions(user, project, entrustments, active),
    }


def entrustment_full(user: Any, e: Entrustment) -> dict[str, Any]:
    return {
        **entrustment_row(e),
        "stages": e.stages,
        "item_ids": sorted(e.items.values_list("pk", flat=True)),
        "notes": e.notes,
        "eligibility": e.eligibility,
        "ineligible_reason": e.ineligible_reason,
        "missing_information": e.missing_information,
        "decision_reason": e.decision_reason,
        "decided_by": e.decided_by.display_name if e.decided_by else None,
        "terms_accepted_at": e.terms_accepted_at,
        "transitions": [
            {
                "from_status": t.from_status,
                "to_status": t.to_status,
                "actor": t.actor.display_name,
                "comment": t.comment,
                "at": t.at,
            }
            for t in e.transitions.select_related("actor")
        ],
        "attachments": [
            {
                "id": f.pk,
                "name": f.original_name,
                "content_type": f.content_type,
                "size": f.size,
                "sha256": f.sha256,
                "description": f.description,
                "url": f"/intake/attachments/{f.pk}/",
            }
            for f in e.attachments.all()
        ],
        "allowed_actions": entrustment_actions(user, e),
    }
