"""The enterprise evaluates (好差评): one evaluation per subject and evaluator, the level changeable for 24
hours, then only a follow-up comment. A bad review (不满意, 非常不满意) needs a reason from the centre's list
and opens its follow-up. The evaluated party is told the level, never who gave it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.bounds import id_or_none
from liaison.core.errors import DomainError, NotFound
from liaison.evaluation.models import (
    BAD_LEVELS,
    BadReviewReason,
    Evaluation,
    EvaluationComment,
    Invitation,
    Level,
)
from liaison.evaluation.policies import can_evaluate
from liaison.evaluation.services.followups import follow_up_open
from liaison.notifications.services.notify import notification_send
from liaison.tracking.services.common import clean_text

CHANGE_WINDOW = dt.timedelta(hours=24)
MAX_EVALUATION_TEXT = 1000


def _level(value: Any, *, field: str, label: Any, required: bool = True) -> int | None:
    if value in (None, ""):
        if required:
            raise DomainError(_("请选择%(l)s。") % {"l": label}, field=field)
        return None
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = 0
    if level not in Level.values:
        raise DomainError(_("%(l)s须为 1 至 5 之间的等级。") % {"l": label}, field=field)
    return level


def _reasons(ids: Iterable[Any], *, bad: bool) -> list[BadReviewReason]:
    parsed = [id_or_none(i) for i in ids or []]
    if None in parsed:
        raise DomainError(_("差评原因无效。"), field="reasons")
    wanted = {i for i in parsed if i is not None}
    reasons = list(BadReviewReason.objects.filter(pk__in=wanted, is_active=True))
    if len(reasons) != len(wanted):
        raise DomainError(_("差评原因无效，请从列表中选择。"), field="reasons")
    if bad and not reasons:
        raise DomainError(_("“不满意”或“非常不满意”须至少选择一项差评原因。"), field="reasons")
    if not bad and reasons:
        raise DomainError(_("只有差评才需选择差评原因。"), field="reasons")
    return reasons


def _clean(invitation: Invitation, level: Any, guide_level: Any, reason_ids: Iterable[Any], text: Any) -> Any:
    main = _level(level, field="level", label=_("评价等级"))
    guide = _level(
        guide_level, field="guide_level", label=_("对指导员的评价"), required=bool(invitation.guide_id)
    )
    if not invitation.guide_id:
        guide = None
    bad = main in BAD_LEVELS or guide in BAD_LEVELS
    reasons = _reasons(reason_ids, bad=bad)
    words = clean_text(text, field="text", label=_("评价内容"), required=False, limit=MAX_EVALUATION_TEXT)
    return main, guide, reasons, words, bad


def _lock_invitation(actor: Any, invitation_id: int) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("project")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not can_evaluate(actor, invitation):
        raise NotFound(_("评价事项不存在或您无权评价。"))
    return invitation


def _tell_evaluated(evaluation: Evaluation) -> None:
    inv = evaluation.invitation
    people = [p for p in (inv.officer.user if inv.officer is not None else None, inv.guide) if p is not None]
    notification_send(
        recipients=people,
        kind="evaluation.received",
        event_key=f"evaluation:{evaluation.pk}:received:{evaluation.level}",
        title=_("您服务的事项收到评价：%(t)s（%(l)s）")
        % {"t": inv.title, "l": Level(evaluation.level).label},
        url=f"/evaluation/reviews/{evaluation.pk}/",
    )


def evaluation_give(
    *,
    actor: Any,
    invitation_id: int,
    level: Any,
    guide_level: Any = None,
    reason_ids: Iterable[Any] = (),
    text: Any = "",
) -> Evaluation:
    with transaction.atomic():
        invitation = _lock_invitation(actor, invitation_id)
        main, guide, reasons, words, bad = _clean(invitation, level, guide_level, reason_ids, text)
        if Evaluation.objects.filter(invitation=invitation, evaluator=actor).exists():
            raise DomainError(_("您已评价过该事项；评价后 24 小时内可修改，之后可追加评价。"))
        now = timezone.now()
        try:
            with transaction.atomic():
                evaluation = Evaluation.objects.create(
                    invitation=invitation,
                    evaluator=actor,
                    level=main,
                    guide_level=guide,
                    text=words,
                    created_at=now,
                )
        except IntegrityError:
            raise DomainError(_("您已评价过该事项；评价后 24 小时内可修改，之后可追加评价。")) from None
        evaluation.reasons.set(reasons)
        if invitation.evaluated_at is None:
            invitation.evaluated_at = now
            invitation.save(update_fields=["evaluated_at"])
        audit_record(
            actor=actor,
            action="evaluation.give",
            obj=evaluation,
            object_repr=invitation.title,
            after={"level": main, "guide_level": guide, "reasons": [r.name for r in reasons]},
            summary=_("评价：%(t)s（%(l)s）") % {"t": invitation.title, "l": Level(main).label},
        )
        if bad:
            follow_up_open(evaluation, actor=actor)
        _tell_evaluated(evaluation)
    return evaluation


def _lock_own(actor: Any, evaluation_id: int) -> Evaluation:
    evaluation = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("invitation__project", "invitation__officer__user", "invitation__guide")
        .filter(pk=evaluation_id, evaluator_id=getattr(actor, "pk", None))
        .first()
    )
    if evaluation is None or not can_evaluate(actor, evaluation.invitation):
        raise NotFound(_("评价不存在或您无权修改。"))
    return evaluation


def can_still_change(evaluation: Evaluation, now: dt.datetime | None = None) -> bool:
    return (now or timezone.now()) < evaluation.created_at + CHANGE_WINDOW


def evaluation_change(
    *,
    actor: Any,
    evaluation_id: int,
    level: Any,
    guide_level: Any = None,
    reason_ids: Iterable[Any] = (),
    text: Any = "",
) -> Evaluation:
    with transaction.atomic():
        evaluation = _lock_own(actor, evaluation_id)
        if not can_still_change(evaluation):
            raise DomainError(_("评价已超过 24 小时，等级不能再修改；您可以追加评价。"))
        main, guide, reasons, words, bad = _clean(evaluation.invitation, level, guide_level, reason_ids, text)
        before = {"level": evaluation.level, "guide_level": evaluation.guide_level, "text": evaluation.text}
        evaluation.level, evaluation.guide_level, evaluation.text = main, guide, words
        evaluation.changed_at = timezone.now()
        evaluation.save(update_fields=["level", "guide_level", "text", "changed_at"])
        evaluation.reasons.set(reasons)
        audit_record(
            actor=actor,
            action="evaluation.change",
            obj=evaluation,
            object_repr=evaluation.invitation.title,
            before=before,
            after={"level": main, "guide_level": guide, "reasons": [r.name for r in reasons]},
            summary=_("修改评价：%(t)s（%(l)s）")
            % {"t": evaluation.invitation.title, "l": Level(main).label},
        )
        if bad:
            follow_up_open(evaluation, actor=actor)
        _tell_evaluated(evaluation)
    return evaluation


def evaluation_comment_add(*, actor: Any, evaluation_id: int, text: Any) -> EvaluationComment:
    words = clean_text(text, field="text", label=_("追加评价"), required=True, limit=MAX_EVALUATION_TEXT)
    with transaction.atomic():
        evaluation = _lock_own(actor, evaluation_id)
        comment = EvaluationComment.objects.create(evaluation=evaluation, text=words)
        audit_record(
            actor=actor,
            action="evaluation.comment",
            obj=evaluation,
            object_repr=evaluation.invitation.title,
            after={"comment": words[:200]},
            summary=_("追加评价：%(t)s") % {"t": evaluation.invitation.title},
        )
    return comment
