"""Reminders: each threshold crossing (yellow, red, then every N working days overdue) is sent exactly once,
to the officer and the guide, however many workers run the job at once; and the centre's 催办 by hand.

The gate is the ReminderLog row: it is inserted in the same transaction as the notifications, under
unique constraints. A second worker's insert waits for the first and then fails, so it sends nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.intake.services.entrustment_steps import enterprise_users
from liaison.notifications.services.notify import notification_send
from liaison.tracking.clock import LoadedCalendar
from liaison.tracking.lights import Light, LightContext, light_context, tracking_settings, with_light
from liaison.tracking.messages import render_message
from liaison.tracking.models import (
    OPEN_STATES,
    EnterpriseObligation,
    ProjectItem,
    ProjectItemState,
    ReminderKind,
    ReminderLog,
)
from liaison.tracking.people import audience, project_officers
from liaison.tracking.policies import can_urge_project_item, can_view_project_item
from liaison.tracking.services.calendar_retry import calendar_problems_retry
from liaison.tracking.services.common import authorize, clean_text, lock_item

S = ProjectItemState
WITH_DEPARTMENT = frozenset({S.SUBMITTED, S.ACCEPTED, S.RESUBMITTED})


@dataclass
class ReminderRun:
    sent: int = 0
    already_sent: int = 0
    obligations_sent: int = 0
    calendar_problems: int = 0
    refreshed: int = 0


def _threshold(due_on: dt.date, ctx: LightContext, cal: LoadedCalendar, repeat: int) -> tuple[str, int]:
    """Which crossing a date is at today: yellow (not yet due), red, or the k-th N working days overdue."""
    if due_on >= ctx.today:
        return ReminderKind.YELLOW, 0
    late = cal.between(due_on, ctx.today)
    return (ReminderKind.OVERDUE, late // repeat) if late >= repeat else (ReminderKind.RED, 0)


def _send_once(
    subject: dict[str, Any],
    *,
    kind: str,
    seq: int,
    due: dt.date,
    people: list[Any],
    note: tuple[str, str, str],
) -> bool:
    """Insert the log row and notify in one transaction; False when another run sent it first."""
    message_kind, title, body = note
    key = "-".join(f"{k}{getattr(v, 'pk', v)}" for k, v in subject.items())
    try:
        with transaction.atomic():
            ReminderLog.objects.create(**subject, kind=kind, due_on=due, sequence=seq, recipients=len(people))
            notification_send(
                recipients=people,
                kind=message_kind,
                event_key=f"{message_kind}:{key}:{due.isoformat()}:{seq}",
                title=title,
                body=body,
                url=f"/tracking/items/{subject['project_item'].pk}/" if "project_item" in subject else "",
            )
    except IntegrityError:
        return False
    return True


def _item_reminders(ctx: LightContext, repeat: int, run: ReminderRun) -> None:
    candidates = list(
        with_light(ProjectItem.objects.filter(state__in=sorted(OPEN_STATES)), ctx)
        .filter(light__in=[Light.YELLOW, Light.RED])
        .select_related("project__enterprise", "approval_item")
        .order_by("pk")
    )
    if not candidates:
        return
    cal = LoadedCalendar(min(i.due_on for i in candidates), ctx.today)
    sent = set(
        ReminderLog.objects.filter(project_item__in=candidates).values_list(
            "project_item_id", "kind", "due_on", "sequence"
        )
    )
    for item in candidates:
        kind, seq = _threshold(item.due_on, ctx, cal, repeat)
        if (item.pk, kind, item.due_on, seq) in sent:
            run.already_sent += 1
            continue
        groups = ["officer", "guide"] if item.state in WITH_DEPARTMENT else ["officer"]
        values = {
            "project": item.project.name,
            "item": item.approval_item.name,
            "due": item.due_on.isoformat(),
            "left": cal.between(ctx.today, item.due_on),
            "late": cal.between(item.due_on, ctx.today),
        }
        title, body = render_message(f"reminder.{kind}", **values)
        note = (f"reminder.{kind}", title, body)
        if _send_once(
            {"project_item": item},
            kind=kind,
            seq=seq,
            due=item.due_on,
            people=audience(item, groups),
            note=note,
        ):
            run.sent += 1
        else:
            run.already_sent += 1


def _obligation_reminders(ctx: LightContext, repeat: int, run: ReminderRun) -> None:
    """The enterprise's dated to-dos: yellow, red, then every N working days overdue, like the items."""
    open_item = Q(project_item__isnull=True) | Q(project_item__state__in=sorted(OPEN_STATES))
    due = list(
        EnterpriseObligation.objects.filter(open_item, done=False, due_on__lte=ctx.yellow_limit)
        .select_related("project")
        .order_by("pk")
    )
    if not due:
        return
    cal = LoadedCalendar(min(o.due_on for o in due), ctx.today)
    sent = set(
        ReminderLog.objects.filter(obligation__in=due).values_list(
            "obligation_id", "kind", "due_on", "sequence"
        )
    )
    for obligation in due:
        kind, seq = _threshold(obligation.due_on, ctx, cal, repeat)
        if (obligation.pk, kind, obligation.due_on, seq) in sent:
            continue
        project = obligation.project
        title, body = render_message(
            f"obligation.{kind}",
            project=project.name,
            title=obligation.title,
            due=obligation.due_on.isoformat(),
            late=cal.between(obligation.due_on, ctx.today),
        )
        people = [*enterprise_users(project), *project_officers(project)]
        if _send_once(
            {"obligation": obligation},
            kind=kind,
            seq=seq,
            due=obligation.due_on,
            people=people,
            note=(f"obligation.{kind}", title, body),
        ):
            run.obligations_sent += 1


def reminders_run(*, today: dt.date | None = None) -> ReminderRun:
    """Recompute lights and send every reminder due today that has not been sent (safe to run concurrently)."""
    run = ReminderRun()
    run.refreshed = calendar_problems_retry()
    settings = tracking_settings()
    ctx = light_context(today or timezone.localdate(), settings.yellow_threshold_days)
    _item_reminders(ctx, settings.overdue_repeat_days, run)
    _obligation_reminders(ctx, settings.overdue_repeat_days, run)
    run.calendar_problems = (
        with_light(ProjectItem.objects.filter(state__in=sorted(OPEN_STATES)), ctx)
        .filter(light=Light.UNKNOWN)
        .count()
    )
    return run


def project_item_urge(*, actor: Any, project_item: ProjectItem, comment: str = "") -> ReminderLog:
    """The centre's 催办 of an open item: the officer and the guide are told at once; audited."""
    comment = clean_text(comment, field="comment", label=_("催办说明"), required=False, limit=300)
    with transaction.atomic():
        item = lock_item(project_item)
        authorize(
            visible=can_view_project_item(actor, item),
            allowed=can_urge_project_item(actor, item),
            message=_("只有政务服务中心工作人员可以对办理中的事项催办。"),
            missing=_("事项不存在或您无权查看。"),
        )
        people = audience(item, ["officer", "guide"], exclude=actor)
        seq = ReminderLog.objects.filter(project_item=item, kind=ReminderKind.URGE).count() + 1
        log = ReminderLog.objects.create(
            project_item=item,
            kind=ReminderKind.URGE,
            due_on=item.due_on or timezone.localdate(),
            sequence=seq,
            sent_by=actor,
            comment=comment,
            recipients=len(people),
        )
        title, body = render_message(
            "reminder.urge", project=item.project.name, item=item.approval_item.name, comment=comment
        )
        notification_send(
            recipients=people,
            kind="reminder.urge",
            event_key=f"reminder.urge:{log.pk}",
            title=title,
            body=body,
            url=f"/tracking/items/{item.pk}/",
        )
        audit_record(
            actor=actor,
            action="project_item.urge",
            obj=item,
            object_repr=f"{item.project.name} · {item.approval_item.name}",
            after={"sequence": seq, "comment": comment, "recipients": [p.pk for p in people]},
            summary=_("中心催办：%(i)s") % {"i": item.approval_item.name},
        )
    return log
