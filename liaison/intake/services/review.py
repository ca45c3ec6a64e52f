"""The centre's review of an entrustment request: return, reject or accept and register (Art. 12–13)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError
from liaison.intake.models import (
    Entrustment,
    EntrustmentStatus,
    Project,
)
from liaison.intake.people import enterprise_users
from liaison.intake.policies import can_review_entrustment
from liaison.intake.services.entrustment_steps import (
    last_actor_name,
    lock_entrustment,
    move_entrustment,
    notify_step,
)
from liaison.intake.services.guard import authorize_entrustment
from liaison.intake.services.numbering import service_number_next
from liaison.intake.signals import project_registered

# States a reviewer can only reach by someone having acted first: a second reviewer lost a race.
DECIDED = (
    EntrustmentStatus.RETURNED,
    EntrustmentStatus.ACCEPTED,
    EntrustmentStatus.REJECTED,
    EntrustmentStatus.WITHDRAWN,
    EntrustmentStatus.CONCLUDED,
)
MAX_TEXT = 2000


def _clean_text(value: str, *, field: str, label: Any, required: bool) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(_("请填写%(label)s。") % {"label": label}, field=field)
    if len(text) > MAX_TEXT:
        raise DomainError(_("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": MAX_TEXT}, field=field)
    return text


def _decide(actor: Any, entrustment: Entrustment, name: str, comment: str) -> tuple[Entrustment, str]:
    """Lock the request and take transition `name`; a reviewer who lost a race is told who decided first."""
    locked = lock_entrustment(entrustment)
    authorize_entrustment(
        actor,
        locked,
        allowed=can_review_entrustment(actor, locked),
        message=_("只有政务服务中心工作人员可以审核受理申请。"),
    )
    if locked.status in DECIDED:
        who = last_actor_name(locked) or _("他人")
        raise Conflict(
            _("该申请已由 %(who)s 处理（当前状态：%(s)s），请刷新页面。")
            % {"who": who, "s": locked.get_status_display()}
        )
    previous = move_entrustment(locked, name, actor=actor, comment=comment)
    locked.decision_reason = comment
    locked.decided_by, locked.decided_at = actor, timezone.now()
    return locked, previous


def entrustment_return(
    *, actor: Any, entrustment: Entrustment, missing: list[str], comment: str = ""
) -> Entrustment:
    """Return for more information with an itemised list of everything missing, all at once (一次性告知)."""
    items = [m.strip() for m in (missing or []) if m and m.strip()]
    if not items:
        raise DomainError(_("请逐项列明需要补充的内容（一次性告知）。"), field="missing")
    if any(len(m) > 500 for m in items):
        raise DomainError(_("每一项补充内容不能超过 500 个字。"), field="missing")
    comment = _clean_text(comment, field="comment", label=_("说明"), required=False)
    with transaction.atomic():
        locked, previous = _decide(actor, entrustment, "return", comment)
        locked.missing_information = items
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.return",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status, "missing": items},
            summary=_("退回补充（%(n)d 项）") % {"n": len(items)},
        )
        missing_text = "\n".join(f"{n}. {m}" for n, m in enumerate(items, start=1))
        notify_step(
            locked,
            "entrustment.returned",
            enterprise_users(locked.project),
            missing=missing_text,
            comment=comment,
        )
    return locked


def entrustment_reject(*, actor: Any, entrustment: Entrustment, reason: str) -> Entrustment:
    """Refuse the request, with the reason told to the enterprise."""
    reason = _clean_text(reason, field="reason", label=_("不予受理的理由"), required=True)
    with transaction.atomic():
        locked, previous = _decide(actor, entrustment, "reject", reason)
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.reject",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status, "reason": reason},
            summary=_("不予受理：%(r)s") % {"r": reason[:100]},
        )
        notify_step(locked, "entrustment.rejected", enterprise_users(locked.project), comment=reason)
    return locked


def entrustment_accept(*, actor: Any, entrustment: Entrustment, comment: str = "") -> Entrustment:
    """Accept and register the project with its service number; the entrustment formalities are complete (Art. 12–13)."""
    comment = _clean_text(comment, field="comment", label=_("受理意见"), required=False)
    with transaction.atomic():
        locked, previous = _decide(actor, entrustment, "accept", comment)
        locked.save()
        project = Project.objects.select_for_update().get(pk=locked.project_id)
        if not project.service_number:
            now = locked.decided_at or timezone.now()
            project.service_number = service_number_next(year=timezone.localdate(now).year)
            project.registered_at = now
            project.save(update_fields=["service_number", "registered_at", "updated_at"])
            project_registered.send(sender=Project, project_id=project.pk)
        if project.service_ended_at is not None:  # 续办: a new entrustment continues an ended service
            project.service_ended_at, project.service_end = None, ""
            project.save(update_fields=["service_ended_at", "service_end", "updated_at"])
        locked.project = project
        audit_record(
            actor=actor,
            action="entrustment.accept",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status, "service_number": project.service_number},
            summary=_("受理登记，服务编号 %(n)s") % {"n": project.service_number},
        )
        notify_step(locked, "entrustment.accepted", enterprise_users(project))
    return locked


def entrustment_conclude(*, actor: Any, entrustment: Entrustment, comment: str = "") -> Entrustment:
    """The service of an accepted request has ended (completed or terminated: liaison.closure); the request
    is concluded, so that a new one may continue the service (续办) while this one keeps its history."""
    comment = _clean_text(comment, field="comment", label=_("说明"), required=False)
    with transaction.atomic():
        locked = lock_entrustment(entrustment)
        authorize_entrustment(
            actor,
            locked,
            allowed=can_review_entrustment(actor, locked),
            message=_("只有政务服务中心工作人员可以确认服务结束。"),
        )
        previous = move_entrustment(locked, "conclude", actor=actor, comment=comment)
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.conclude",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status},
            summary=_("服务结束：%(p)s") % {"p": locked.project.name},
        )
    return locked
