"""When a project's service ends (办结 or 终止, Art. 15–16), its open consultations end with it: those still
waiting on a guide are withdrawn (the guide hears of it and stops), the answered ones are closed. Each is
a recorded step of the consultation and an audit event, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from liaison.consultations.models import (
    FINAL_STATES,
    PENDING_STATES,
    Consultation,
    ConsultationEventKind,
)
from liaison.consultations.services.consultations import end_recorded, tell_withdrawn
from liaison.consultations.workflows import CONSULTATION_WORKFLOW, SYSTEM
from liaison.intake.models import Project


def consultations_end_with_service(*, project: Project, actor: Any, reason: str) -> int:
    """End every open consultation of `project` because its service ended; `reason` says how (e.g.
    "联络官服务已办结"). Returns how many were ended."""
    open_ones = list(
        Consultation.objects.select_for_update(of=("self",))
        .filter(project=project)
        .exclude(state__in=sorted(FINAL_STATES))
        .select_related("guide", "first_contact")
        .order_by("pk")
    )
    for consultation in open_ones:
        pending = consultation.state in PENDING_STATES
        step = "withdraw_with_service" if pending else "close_with_service"
        t = CONSULTATION_WORKFLOW.check(step, state=consultation.state, roles=SYSTEM)
        kind = ConsultationEventKind.WITHDRAWN if pending else ConsultationEventKind.CLOSED
        summary = _("%(n)s：%(s)s") % {"n": consultation.number, "s": t.label}
        end_recorded(consultation, t, actor=actor, text=reason, kind=kind, summary=summary)
        if pending:
            tell_withdrawn(consultation, actor=actor, text=reason)
    return len(open_ones)
