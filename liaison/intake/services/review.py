"""The centre's review of an entrustment request: return, reject or accept and register (Art. 12–13)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.core.errors import Conflict, DomainError
from liaison.directory.roles import Role
from liaison.intake.models import (
    Entrustment,
    EntrustmentStatus,
    Project,
)
from liaison.intake.services.entrustment_steps import (
    enterprise_users,
    lock_entrustment,
    move_entrustment,
    notify_step,
)
from liaison.intake.services.numbering import service_number_next


def _decide(actor: Any, entrustment: Entrustment) -> tuple[Entrustment, str]:
    """Lock the request; a second reviewer who lost the race is told who decided first."""
    locked = lock_entrustment(entrustment)
    if locked.status != EntrustmentStatus.SUBMITTED and actor.has_role(Role.CENTER_ADMIN):
        who = locked.decided_by.display_name if locked.decided_by else _("他人")
        raise Conflict(
            _("该申请已由%(who)s处理（当前状态：%(s)s），请刷新页面。")
            % {"who": who, "s": locked.get_status_display()}
        )
    previous = locked.status
    return locked, previous


def entrustment_return(
    *, actor: Any, entrustment: Entrustment, missing: list[str], comment: str = ""
) -> Entrustment:
    """Return for more information with an itemised list of everything missing, all at once (一次性告知)."""
    items = [m.strip() for m in missing if m and m.strip()]
    if not items:
        raise DomainError(_("请逐项列明需要补充的内容（一次性告知）。"), field="missing")
    with transaction.atomic():
        locked, previous = _decide(actor, entrustment)
        move_entrustment(locked, "return", actor=actor, comment=comment.strip())
        locked.missing_information = items
        locked.decision_reason = comment.strip()
        locked.decided_by, locked.decided_at = actor, timezone.now()
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.return",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status, "missing": items},
            summary=_("退回补充"),
        )
        missing_text = "\n".join(f"{n}. {m}" for n, m in enumerate(items, start=1))
        notify_step(
            locked,
            "entrustment.returned",
            enterprise_users(locked.project),
            missing=missing_text,
            comment=comment.strip(),
        )
    return locked


def entrustment_reject(*, actor: Any, entrustment: Entrustment, reason: str) -> Entrustment:
    """Refuse the request, with the reason told to the enterprise."""
    if not (reason or "").strip():
        raise DomainError(_("请填写不予受理的理由。"), field="reason")
    with transaction.atomic():
        locked, previous = _decide(actor, entrustment)
        move_entrustment(locked, "reject", actor=actor, comment=reason.strip())
        locked.decision_reason = reason.strip()
        locked.decided_by, locked.decided_at = actor, timezone.now()
        locked.save()
        audit_record(
            actor=actor,
            action="entrustment.reject",
            obj=locked,
            before={"status": previous},
            after={"status": locked.status},
            summary=_("不予受理：%(r)s") % {"r": reason.strip()[:100]},
        )
        notify_step(locked, "entrustment.rejected", enterprise_users(locked.project), comment=reason.strip())
    return locked


def entrustment_accept(*, actor: Any, entrustment: Entrustment, comment: str = "") -> Entrustment:
    """Accept and register the project with its service number; the entrustment formalities are complete (Art. 12–13)."""
    with transaction.atomic():
        locked, previous = _decide(actor, entrustment)
        move_entrustment(locked, "accept", actor=actor, comment=comment.strip())
        now = timezone.now()
        locked.decision_reason = comment.strip()
        locked.decided_by, locked.decided_at = actor, now
        locked.save()
        project = Project.objects.select_for_update().get(pk=locked.project_id)
        if not project.service_number:
            project.service_number = service_number_next(year=timezone.localdate(now).year)
            project.registered_at = now
            project.save(update_fields=["service_number", "registered_at", "updated_at"])
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
