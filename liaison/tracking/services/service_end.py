"""When a project's service ends (办结 or 终止, Art. 15–16), the enterprise's to-dos still open on it are
cancelled, not silently left behind: each is marked ended with the reason (so no list, count or reminder
waits on it any more) and one audit event records them, in the caller's transaction."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.intake.models import Project
from liaison.tracking.models import EnterpriseObligation
from liaison.tracking.services.obligations import mark_done


def obligations_cancel_with_service(*, project: Project, actor: Any, reason: str) -> int:
    """Cancel every open to-do of `project` because its service ended; `reason` says how. Returns how
    many were cancelled."""
    open_ones = list(
        EnterpriseObligation.objects.select_for_update(of=("self",))
        .filter(project=project, done=False)
        .order_by("pk")
    )
    if not open_ones:
        return 0
    mark_done(open_ones, actor=actor, cancel_reason=reason)
    audit_record(
        actor=actor,
        action="obligation.cancel_with_service",
        obj=project,
        after={"cancelled": [o.pk for o in open_ones], "reason": reason},
        summary=_("服务结束，取消项目单位待办 %(n)d 项：%(p)s") % {"n": len(open_ones), "p": project.name},
    )
    return len(open_ones)
