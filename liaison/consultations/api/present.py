"""Consultations, their history and replies as the API returns them (plain dicts the schemas validate)."""

from __future__ import annotations

from typing import Any

from liaison.consultations.api.schemas import ConsultationRowOut
from liaison.consultations.models import ConsultationState, Forwarding, OpinionReply
from liaison.consultations.policies import can_urge_consultation
from liaison.consultations.selectors.consultations import ConsultationDetail
from liaison.directory.roles import Role

S = ConsultationState


def _named(item: Any) -> dict[str, Any]:
    return {"id": item.pk, "code": item.code, "name": item.name}


def forwarding_out(f: Forwarding) -> dict[str, Any]:
    return {
        "id": f.pk,
        "from_guide": f.from_guide.display_name,
        "from_item": _named(f.from_item),
        "from_department": f.from_item.department.name,
        "to_guide": f.to_guide.display_name,
        "to_item": _named(f.to_item),
        "to_department": f.to_item.department.name,
        "note": f.note,
        "automatic": f.automatic,
        "forwarded_at": f.forwarded_at,
        "accepted_at": f.accepted_at,
    }


def reply_out(r: OpinionReply) -> dict[str, Any]:
    """One opinion reply; reads `materials` through the prefetch when there is one."""
    return {
        "id": r.pk,
        "consultation_id": r.consultation_id,
        "seq": r.seq,
        "project_id": r.project_id,
        "approval_item": _named(r.approval_item),
        "department": r.department.name,
        "guide": r.guide.display_name,
        "opinion": r.opinion,
        "legal_basis": r.legal_basis,
        "conditions": list(r.conditions or []),
        "materials": [
            {
                "seq": m.seq,
                "name": m.name,
                "form": m.form,
                "form_label": str(m.get_form_display()),
                "copies": m.copies,
                "issuing_body": m.issuing_body,
                "how_to_obtain": m.how_to_obtain,
                "required": m.required,
                "submission_id": m.submission_id,
            }
            for m in r.materials.all()
        ],
        "procedure": r.procedure,
        "time_limit": r.time_limit,
        "fees": r.fees,
        "contact": r.contact,
        "joint_handling": r.joint_handling,
        "obstacles": r.obstacles,
        "remedies": r.remedies,
        "signer_name": r.signer_name,
        "signer_post": r.signer_post,
        "signed_on": r.signed_on,
        "replied_at": r.replied_at,
        "on_time": r.on_time,
        "is_supplementary": r.is_supplementary,
        "supplementary_reason": r.supplementary_reason,
        "added_entries": list(r.added_entries or []),
    }


def _can_confirm_read(user: Any, d: ConsultationDetail) -> bool:
    c = d.consultation
    if Role.APPLICANT not in d.roles or c.state not in (S.RELAYED, S.CONFIRMED):
        return False
    return not any(r.user_id == user.pk and r.relay_seq == c.relay_count for r in d.receipts)


def detail_out(user: Any, d: ConsultationDetail) -> dict[str, Any]:
    """Everything the consultation's page shows, for `user` (who may read it: the selector checked)."""
    c = d.consultation
    pending = d.awaiting_acceptance
    out = {
        **ConsultationRowOut.from_orm(c).model_dump(),
        "enterprise_name": c.project.enterprise.name,
        "situation": c.situation,
        "requests": c.requests,
        "held_on": c.held_on,
        "participants": c.participants,
        "contact_notes": c.contact_notes,
        "calendar_problem_year": c.calendar_problem_year,
        "relayed_text": c.relayed_text,
        "relayed_at": c.relayed_at,
        "relayed_by_name": c.relayed_by.display_name if c.relayed_by else "",
        "relay_count": c.relay_count,
        "closed_at": c.closed_at,
        "end_note": c.end_note,
        "project_items": [_named(i.approval_item) | {"id": i.pk} for i in d.project_items],
        "roles": sorted(d.roles),
        "transitions": [{"name": t.name, "label": str(t.label)} for t in d.transitions],
        "can_urge": bool(can_urge_consultation(user, c)),
        "can_confirm_read": _can_confirm_read(user, d),
        "can_follow_up": Role.OFFICER in d.roles and c.state in (S.RELAYED, S.CONFIRMED),
        "awaiting_acceptance": forwarding_out(pending) if pending else None,
        "chain": [forwarding_out(f) for f in d.chain],
        "events": [
            {
                "kind": e.kind,
                "kind_label": str(e.get_kind_display()),
                "actor": e.actor.display_name,
                "note": e.note,
                "at": e.at,
            }
            for e in d.events
        ],
        "replies": [reply_out(r) for r in d.replies],
        "receipts": [
            {"user": r.user.display_name, "relay_seq": r.relay_seq, "read_at": r.read_at} for r in d.receipts
        ],
        "follow_ups": [
            {"id": f.pk, "officer": f.officer.display_name, "action": f.action, "at": f.at}
            for f in d.follow_ups
        ],
    }
    if not d.internal:  # the enterprise reads what was relayed, not the officials' working notes
        out.update(
            participants="", contact_notes="", chain=[], events=[], follow_ups=[], awaiting_acceptance=None
        )
    return out


def record_out(r: Any) -> dict[str, Any]:
    return {
        "id": r.key,
        "name": r.name,
        "department": r.department,
        "first_replies": r.first_replies,
        "on_time": r.on_time,
        "on_time_rate": r.on_time_rate,
        "supplementary": r.supplementary,
        "average_hours": r.average_hours,
        "open_now": r.open_now,
        "overdue_now": r.overdue_now,
    }
