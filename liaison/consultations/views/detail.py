"""One consultation's page: summary, first-contact chain, history, replies, relay, receipts and the
action forms the user's roles and the state allow."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from liaison.catalogue.models import MaterialForm
from liaison.consultations.forms import (
    MATERIAL_FORMS,
    FollowUpForm,
    ForwardForm,
    NoteForm,
    RelayForm,
    ReplyPageForm,
    WithdrawForm,
)
from liaison.consultations.models import ConsultationState, OpinionReply
from liaison.consultations.policies import can_urge_consultation
from liaison.consultations.selectors.consultations import ConsultationDetail
from liaison.consultations.views.common import actor_of, annotate_lights, detail_or_404
from liaison.directory.roles import Role

S = ConsultationState
BLANK_ROWS = 2
MIN_ROWS = 3


def _reply_source(detail: ConsultationDetail) -> OpinionReply | None:
    """What the reply form starts from: this consultation's latest reply, else the latest reply on the
    same project item (so a guide repeats what was told instead of retyping it)."""
    if detail.latest_reply is not None:
        return detail.latest_reply
    c = detail.consultation
    return (
        OpinionReply.objects.filter(project_id=c.project_id, approval_item_id=c.approval_item_id)
        .prefetch_related("materials")
        .order_by("-replied_at", "-pk")
        .first()
    )


def _row(n: int | str, **values: Any) -> dict[str, Any]:
    return {
        "n": n,
        "name": values.get("name", ""),
        "form": values.get("form", MaterialForm.ORIGINAL),
        "copies": values.get("copies", 1),
        "issuing_body": values.get("issuing_body", ""),
        "how_to_obtain": values.get("how_to_obtain", ""),
        "required": values.get("required", True),
    }


def with_blank_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows renumbered from 0, followed by blank rows to fill in."""
    filled = [_row(n, **{k: v for k, v in r.items() if k != "n"}) for n, r in enumerate(rows)]
    blanks = max(BLANK_ROWS, MIN_ROWS - len(filled))
    return filled + [_row(len(filled) + i, required=True) for i in range(blanks)]


def reply_initial(detail: ConsultationDetail, user: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Initial values of the reply form and its material rows (signer from the user's name and post)."""
    initial: dict[str, Any] = {"signer_name": user.full_name, "signer_post": user.post}
    source = _reply_source(detail)
    if source is not None:
        for name in (
            "legal_basis",
            "procedure",
            "time_limit",
            "fees",
            "contact",
            "joint_handling",
            "remedies",
        ):
            initial[name] = getattr(source, name)
        initial["conditions"] = "\n".join(source.conditions or [])
        rows = [
            {
                "name": m.name,
                "form": m.form,
                "copies": m.copies,
                "issuing_body": m.issuing_body,
                "how_to_obtain": m.how_to_obtain,
                "required": m.required,
            }
            for m in source.materials.all()
        ]
        return initial, rows
    item = detail.consultation.approval_item
    initial.update(
        {
            "legal_basis": item.legal_basis,
            "conditions": item.conditions,
            "procedure": item.procedure,
            "time_limit": _("%(n)d个工作日") % {"n": item.time_limit_days},
            "fees": item.fee_note,
            "contact": item.location,
        }
    )
    rows = [
        {
            "name": m.name,
            "form": m.form,
            "copies": m.copies,
            "issuing_body": m.issuing_body,
            "how_to_obtain": m.notes,
            "required": m.required,
        }
        for m in item.materials.order_by("seq")
    ]
    return initial, rows


def detail_context(
    request: HttpRequest,
    detail: ConsultationDetail,
    *,
    reply_form: ReplyPageForm | None = None,
    rows: list[dict[str, Any]] | None = None,
    added: list[str] | None = None,
    materials_error: str = "",
) -> dict[str, Any]:
    user = actor_of(request)
    c = detail.consultation
    annotate_lights([c])
    roles = detail.roles
    actions = {t.name for t in detail.transitions}
    can_reply = bool(actions & {"reply", "supplement"})
    if can_reply and reply_form is None:
        initial, rows = reply_initial(detail, user)
        reply_form = ReplyPageForm(initial=initial)
    confirmed_now = any(r.user_id == user.pk and r.relay_seq == c.relay_count for r in detail.receipts)
    latest = detail.latest_reply
    return {
        "detail": detail,
        "c": c,
        "internal": detail.internal,
        "actions": actions,
        "transitions": {t.name: t for t in detail.transitions},
        "awaiting": detail.awaiting_acceptance,
        "forward_form": ForwardForm(exclude_item_id=c.approval_item_id) if "forward" in actions else None,
        "can_reply": can_reply,
        "is_supplement": "supplement" in actions,
        "reply_form": reply_form if can_reply else None,
        "rows": with_blank_rows(rows or []) if can_reply else [],
        "material_forms": MATERIAL_FORMS,
        "blank_row": _row("__n__"),
        "added": added or [],
        "show_reason": bool(added)
        or bool(reply_form is not None and reply_form.data.get("supplementary_reason")),
        "materials_error": materials_error,
        "relay_form": RelayForm(initial={"text": latest.opinion if latest else ""})
        if "relay" in actions
        else None,
        "can_confirm": Role.APPLICANT in roles and c.state in (S.RELAYED, S.CONFIRMED) and not confirmed_now,
        "confirmed_now": confirmed_now,
        "can_follow_up": Role.OFFICER in roles and c.state in (S.RELAYED, S.CONFIRMED),
        "follow_up_form": FollowUpForm(),
        "close_form": NoteForm(auto_id="close-%s") if "close" in actions else None,
        "withdraw_form": WithdrawForm() if "withdraw" in actions else None,
        "can_urge": can_urge_consultation(user, c),
        "urge_form": NoteForm(auto_id="urge-%s"),
    }


@login_required
@require_GET
def consultation_page(request: HttpRequest, pk: int) -> HttpResponse:
    detail = detail_or_404(request, pk)
    return render(request, "consultations/detail.html", detail_context(request, detail))
