"""A guide proposes dates for their item in a project's plan (Art. 11(1)); the officer accepts or declines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError
from liaison.intake.people import project_officers
from liaison.notifications.services.notify import notification_send
from liaison.tracking.messages import render_message
from liaison.tracking.models import PLAN_STATES, PlanDateProposal, ProposalStatus
from liaison.tracking.policies import (
    can_decide_date_proposal,
    can_propose_plan_dates,
    can_view_plan,
    can_view_project_item,
)
from liaison.tracking.services.common import authorize, clean_text, lock_item
from liaison.tracking.services.reschedule import DateChange, lock_plan, reschedule_plan

URL = "/tracking/projects/{pk}/plan/"


def plan_date_propose(
    *, actor: Any, project_item: Any, proposed_start: dt.date, reason: str
) -> PlanDateProposal:
    """The item's current guide proposes a start date, with the reason; the project's officers are told."""
    reason = clean_text(reason, field="reason", label=_("理由"), required=True, limit=300)
    if not isinstance(proposed_start, dt.date) or isinstance(proposed_start, dt.datetime):
        raise DomainError(_("请填写有效的建议开始日期。"), field="proposed_start")
    with transaction.atomic():
        item = lock_item(project_item)
        authorize(
            visible=can_view_project_item(actor, item),
            allowed=can_propose_plan_dates(actor, item),
            message=_("只有该事项的现任指导员可以建议计划日期。"),
        )
        if item.state not in PLAN_STATES:
            raise DomainError(_("事项已进入部门办理，不再调整计划日期。"))
        try:
            with transaction.atomic():
                proposal = PlanDateProposal.objects.create(
                    project_item=item, proposed_start=proposed_start, reason=reason, proposed_by=actor
                )
        except IntegrityError as exc:
            raise Conflict(_("该事项已有待处理的日期建议，请等待联络官处理。")) from exc
        audit_record(
            actor=actor,
            action="plan.propose_dates",
            obj=proposal,
            after={"proposed_start": proposed_start, "reason": reason},
            summary=_("建议“%(i)s”于 %(d)s 开始") % {"i": item.approval_item.name, "d": proposed_start},
        )
        title, body = render_message(
            "plan.proposal",
            guide=actor.display_name,
            project=item.project.name,
            item=item.approval_item.name,
            start=proposed_start.isoformat(),
            reason=reason,
        )
        notification_send(
            recipients=project_officers(item.project),
            kind="plan.proposal",
            event_key=f"plan.proposal:{proposal.pk}",
            title=title,
            body=body,
            url=URL.format(pk=item.project_id),
        )
    return proposal


def _decide(actor: Any, proposal: PlanDateProposal, status: str, note: str) -> PlanDateProposal:
    locked = (
        PlanDateProposal.objects.select_for_update(of=("self",))
        .select_related("project_item__project", "project_item__approval_item", "proposed_by")
        .get(pk=proposal.pk)
    )
    authorize(
        visible=can_view_plan(actor, locked.project_item.project),
        allowed=can_decide_date_proposal(actor, locked),
        message=_("只有派任到本项目的联络官（或中心）可以处理日期建议。"),
    )
    if locked.status != ProposalStatus.PROPOSED:
        raise Conflict(_("该建议已处理（%(s)s）。") % {"s": locked.get_status_display()})
    locked.status, locked.decision_note = status, note
    locked.decided_by, locked.decided_at = actor, timezone.now()
    locked.save()
    return locked


def _tell_guide(proposal: PlanDateProposal, decision: str) -> None:
    item = proposal.project_item
    title, body = render_message(
        "plan.proposal_decided",
        decision=decision,
        project=item.project.name,
        item=item.approval_item.name,
        note=proposal.decision_note,
    )
    notification_send(
        recipients=[proposal.proposed_by],
        kind="plan.proposal_decided",
        event_key=f"plan.proposal_decided:{proposal.pk}",
        title=title,
        body=body,
        url=URL.format(pk=item.project_id),
    )


def plan_date_proposal_accept(*, actor: Any, proposal: PlanDateProposal, note: str = "") -> list[DateChange]:
    """Adopt the guide's date: the item and its dependents move as with a reschedule; the guide is told."""
    note = clean_text(note, field="note", label=_("处理意见"), required=False, limit=300)
    with transaction.atomic():
        plan, items, target = lock_plan(proposal.project_item)
        locked = _decide(actor, proposal, ProposalStatus.ACCEPTED, note)
        changes = reschedule_plan(plan, items, target, locked.proposed_start, apply=True)
        audit_record(
            actor=actor,
            action="plan.proposal_accept",
            obj=locked,
            extra={"changes": [c.__dict__ for c in changes]},
            summary=_("采纳指导员日期建议，联动 %(n)d 个事项") % {"n": len(changes)},
        )
        _tell_guide(locked, str(_("已采纳")))
    return changes


def plan_date_proposal_decline(*, actor: Any, proposal: PlanDateProposal, note: str) -> PlanDateProposal:
    """Decline the guide's date with a reason; the guide is told."""
    note = clean_text(note, field="note", label=_("不采纳的理由"), required=True, limit=300)
    with transaction.atomic():
        locked = _decide(actor, proposal, ProposalStatus.DECLINED, note)
        audit_record(
            actor=actor,
            action="plan.proposal_decline",
            obj=locked,
            after={"note": note},
            summary=_("未采纳指导员日期建议"),
        )
        _tell_guide(locked, str(_("未采纳")))
    return locked
