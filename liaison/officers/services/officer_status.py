"""Suspending and reinstating officers, along the graph in `liaison.officers.workflows`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError
from liaison.notifications.services.notify import notification_send
from liaison.officers.models import Officer, OfficerRecordEntry, OfficerRecordKind, OfficerStatus
from liaison.officers.policies import can_reinstate_officer, can_suspend_officer
from liaison.officers.services.guard import authorize
from liaison.officers.services.suspension import suspension_blockers
from liaison.officers.validation import clean_required
from liaison.officers.workflows import transition_allowed

ACTION_LABELS: dict[str, Promise] = {
    OfficerStatus.SUSPENDED: gettext_lazy("暂停派任"),
    OfficerStatus.ACTIVE: gettext_lazy("恢复派任"),
}
NOTICE_TITLES: dict[str, Promise] = {
    OfficerStatus.SUSPENDED: gettext_lazy("您已被暂停派任"),
    OfficerStatus.ACTIVE: gettext_lazy("您已恢复派任"),
}


def _status_change(
    *,
    actor: Any,
    officer: Officer,
    target: str,
    reason: str,
    predicate: Callable[[Any, Any], bool],
    action: str,
) -> Officer:
    authorize(actor, predicate, officer)
    label = ACTION_LABELS[target]
    reason = clean_required(reason, field="reason", label=_("原因"), max_length=300)
    with transaction.atomic():
        locked = Officer.objects.select_for_update().select_related("user").get(pk=officer.pk)
        if not transition_allowed(locked.status, target):
            raise DomainError(
                _("该联络官当前状态为“%(status)s”，不能%(action)s。")
                % {"status": locked.get_status_display(), "action": label},
                field="status",
            )
        blockers = suspension_blockers(locked) if target == OfficerStatus.SUSPENDED else []
        if blockers:
            raise DomainError(
                _("该联络官还有 %(n)d 个服务中的项目，请先逐个改派后再暂停派任：%(p)s。")
                % {"n": len(blockers), "p": "、".join(b.label for b in blockers)},
                field="reason",
            )
        before = snapshot(locked, ["status", "status_reason"])
        locked.status = target
        locked.status_reason = reason
        locked.save(update_fields=["status", "status_reason"])
        entry = OfficerRecordEntry.objects.create(
            officer=locked,
            kind=OfficerRecordKind.STATUS,
            date=timezone.localdate(),
            text=_("%(action)s。原因：%(reason)s") % {"action": label, "reason": reason},
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action=action,
            obj=locked,
            before=before,
            after=snapshot(locked, ["status", "status_reason"]),
            summary=_("%(action)s联络官 %(name)s（%(number)s）：%(reason)s")
            % {"action": label, "name": locked.user, "number": locked.number, "reason": reason},
        )
        notification_send(
            recipients=[locked.user],
            kind="officer.status",
            event_key=f"officer.status.{entry.pk}",
            title=str(NOTICE_TITLES[target]),
            body=_("原因：%(reason)s") % {"reason": reason},
            url=reverse("officers:officer_detail", args=[locked.pk]),
        )
    return locked


def officer_suspend(*, actor: Any, officer: Officer, reason: str) -> Officer:
    """Suspend an active officer from dispatch (暂停派任); the reason is required."""
    return _status_change(
        actor=actor,
        officer=officer,
        target=OfficerStatus.SUSPENDED,
        reason=reason,
        predicate=can_suspend_officer,
        action="officer.suspend",
    )


def officer_reinstate(*, actor: Any, officer: Officer, reason: str) -> Officer:
    """Return a suspended officer to active duty (恢复派任); the reason is required."""
    return _status_change(
        actor=actor,
        officer=officer,
        target=OfficerStatus.ACTIVE,
        reason=reason,
        predicate=can_reinstate_officer,
        action="officer.reinstate",
    )
