"""Who is told about a guide change, and what they are told (Art. 5: the centre is told at once)."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.catalogue.models import GuideChange
from liaison.directory.models import User
from liaison.directory.people import centre_admins, department_admins
from liaison.notifications.services.notify import notification_send

KIND = "catalogue.guide_change"


def _describe(change: GuideChange) -> str:
    item = change.item
    previous = change.previous_guide.display_name if change.previous_guide else _("（空缺）")
    new = change.new_guide
    return _(
        "事项：%(item)s（%(dept)s）\n原指导员：%(prev)s\n新任指导员：%(new)s %(post)s\n生效日期：%(date)s\n变更原因：%(reason)s"
    ) % {
        "item": f"{item.code} {item.name}",
        "dept": item.department.name,
        "prev": previous,
        "new": new.display_name,
        "post": new.post,
        "date": change.effective_date.isoformat(),
        "reason": change.reason,
    }


def _send(
    change: GuideChange,
    verb: str,
    *,
    actor: User,
    recipients: Iterable[User | None],
    title: str,
    extra: str = "",
) -> None:
    """Notify each recipient but the actor, who knows what they just did."""
    body = _describe(change) + (f"\n{extra}" if extra else "")
    notification_send(
        recipients=[u for u in recipients if u is not None and u.pk != actor.pk],
        kind=KIND,
        event_key=f"guide_change:{change.pk}:{verb}",
        title=title,
        body=body,
        url=reverse("catalogue:guide_change_detail", args=[change.pk]),
    )


def notify_proposed(change: GuideChange, *, actor: User) -> None:
    """A department reported a new guide: the centre and the department's admins are told."""
    title = _("指导员变更待登记：%(item)s") % {"item": change.item.name}
    recipients = [*centre_admins(), *department_admins(change.item.department_id)]
    _send(change, "proposed", actor=actor, recipients=recipients, title=title)


def notify_applied(change: GuideChange, *, actor: User) -> None:
    """A change took effect: the centre, the department's admins, the proposer and both guides are told."""
    title = _("指导员变更已登记备案：%(item)s") % {"item": change.item.name}
    recipients = [
        *centre_admins(),
        *department_admins(change.item.department_id),
        change.proposed_by,
        change.new_guide,
        change.previous_guide,
    ]
    extra = _("登记意见：%(note)s") % {"note": change.decision_note} if change.decision_note else ""
    _send(change, "registered", actor=actor, recipients=recipients, title=title, extra=extra)


def notify_rejected(change: GuideChange, *, actor: User) -> None:
    """The centre returned a proposal: the proposer is told why."""
    title = _("指导员变更被退回：%(item)s") % {"item": change.item.name}
    extra = _("退回理由：%(note)s") % {"note": change.decision_note}
    _send(change, "rejected", actor=actor, recipients=[change.proposed_by], title=title, extra=extra)


def notify_cancelled(change: GuideChange, *, actor: User) -> None:
    """The proposer withdrew: the centre drops it from its to-do list."""
    title = _("指导员变更已撤回：%(item)s") % {"item": change.item.name}
    recipients = [*centre_admins(), *department_admins(change.item.department_id)]
    _send(change, "cancelled", actor=actor, recipients=recipients, title=title)
