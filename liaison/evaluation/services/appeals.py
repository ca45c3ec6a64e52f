"""申诉复核: the evaluated party (the officer, the guide, the department's administrator) appeals a review as
mistaken or malicious, with evidence; the centre's leader decides. Only an upheld appeal takes the review
out of the figures (and ends its follow-up); the decision and its reason are kept for the supervisors."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.core.uploads import check_upload
from liaison.directory.roles import Role
from liaison.evaluation.models import Appeal, AppealState, Evaluation, FollowUp
from liaison.evaluation.policies import can_appeal, is_evaluated_party
from liaison.evaluation.services.followups import follow_up_end_by_appeal
from liaison.intake.people import centre_leaders
from liaison.notifications.services.notify import notification_send
from liaison.tracking.services.common import clean_text


def appeal_lodge(*, actor: Any, evaluation_id: int, grounds: Any, evidence: Any = None) -> Appeal:
    grounds = clean_text(grounds, field="grounds", label=_("申诉理由"), required=True)
    if evidence is not None:
        check_upload(evidence)
    with transaction.atomic():
        evaluation = (
            Evaluation.objects.select_for_update(of=("self",))
            .select_related("invitation__officer__user")
            .filter(pk=evaluation_id)
            .first()
        )
        if evaluation is None or not is_evaluated_party(actor, evaluation):
            raise NotFound(_("评价不存在或您无权查看。"))
        if not can_appeal(actor, evaluation):
            raise DomainError(_("该评价已提出过申诉，每条评价只能申诉一次。"))
        appeal = Appeal(evaluation=evaluation, appellant=actor, grounds=grounds)
        if evidence is not None:
            appeal.evidence.save(getattr(evidence, "name", "evidence"), evidence, save=False)
        appeal.save()
        audit_record(
            actor=actor,
            action="appeal.lodge",
            obj=appeal,
            object_repr=evaluation.invitation.title,
            after={"grounds": grounds[:200]},
            summary=_("对评价提出申诉：%(t)s") % {"t": evaluation.invitation.title},
        )
        notification_send(
            recipients=centre_leaders(),
            kind="appeal.lodged",
            event_key=f"appeal:{appeal.pk}:lodged",
            title=_("评价申诉待复核：%(t)s") % {"t": evaluation.invitation.title},
            url=f"/evaluation/reviews/{evaluation.pk}/",
        )
    return appeal


def appeal_decide(*, actor: Any, appeal_id: int, upheld: Any, reason: Any) -> Appeal:
    reason = clean_text(reason, field="reason", label=_("复核意见"), required=True)
    if upheld not in (True, False):
        raise DomainError(_("请选择申诉是否成立。"), field="upheld")
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_for_update(of=("self",))
            .select_related("evaluation__invitation")
            .filter(pk=appeal_id)
            .first()
        )
        if appeal is None or not actor.has_role(Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR):
            raise NotFound(_("申诉不存在或您无权查看。"))
        if not actor.has_role(Role.CENTER_LEADER):
            raise PermissionDenied(_("申诉由中心负责人复核决定。"))
        if appeal.state != AppealState.PENDING:
            raise DomainError(_("该申诉已复核，不能重复决定。"))
        appeal.state = AppealState.UPHELD if upheld else AppealState.REFUSED
        appeal.decided_by, appeal.decision_reason, appeal.decided_at = actor, reason, timezone.now()
        appeal.save()
        evaluation = appeal.evaluation
        if upheld:
            Evaluation.objects.filter(pk=evaluation.pk).update(excluded=True)
            follow_up = FollowUp.objects.select_for_update().filter(evaluation=evaluation).first()
            if follow_up is not None:
                follow_up_end_by_appeal(follow_up, actor=actor, reason=reason)
        audit_record(
            actor=actor,
            action="appeal.decide",
            obj=appeal,
            object_repr=evaluation.invitation.title,
            after={"state": appeal.state, "reason": reason[:200]},
            summary=_("申诉复核：%(t)s（%(s)s）")
            % {"t": evaluation.invitation.title, "s": appeal.get_state_display()},
        )
        notification_send(
            recipients=[appeal.appellant],
            kind="appeal.decided",
            event_key=f"appeal:{appeal.pk}:decided",
            title=_("您的评价申诉已复核：%(s)s") % {"s": appeal.get_state_display()},
            body=reason,
            url=f"/evaluation/reviews/{evaluation.pk}/",
        )
    return appeal
