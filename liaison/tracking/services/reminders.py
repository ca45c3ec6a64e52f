"""Reminders of items and of the enterprise's to-dos on the deadline engine (each threshold crossing sent
exactly once, however many workers run the job at once: liaison.deadlines), and the centre's 催办 by hand.
What is tracking's own: which rows are due, who is told (officer; the guide once the department has the
item; the enterprise for its to-dos) and the message text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.notifications.services.notify import notification_send
from liaison.tracking.deadline_kinds import ITEM, OBLIGATION
from liaison.tracking.lights import Light, light_context, with_light
from liaison.tracking.messages import render_message
from liaison.tracking.models import (
    OPEN_STATES,
    EnterpriseObligation,
    ProjectItem,
    ProjectItemState,
    ReminderKind,
    ReminderLog,
)
from liaison.tracking.people import Audiences, audience
from liaison.tracking.policies import can_urge_project_item, can_view_project_item
from liaison.tracking.selectors.obligations import obligation_light_context
from liaison.tracking.services.calendar_retry import calendar_problems_retry
from liaison.tracking.services.common import authorize, clean_text, lock_item

S = ProjectItemState
SERVICE_OPEN = {"project__service_ended_at__isnull": True}  # an ended service is reminded of nothing
WITH_DEPARTMENT = frozenset({S.SUBMITTED, S.ACCEPTED, S.RESUBMITTED})
# What composing a reminder reads: loading only these keeps a run over 100,000 rows cheap.
PROJECT_FIELDS = ("project__name", "project__enterprise_id")
ITEM_FIELDS = ("due_on", "state", "project_id", "approval_item_id", "approval_item__name", *PROJECT_FIELDS)
OBLIGATION_FIELDS = ("due_on", "title", "project_id", *PROJECT_FIELDS)


@dataclass
class ReminderRun:
    sent: int = 0
    already_sent: int = 0
    obligations_sent: int = 0
    calendar_problems: int = 0
    refreshed: int = 0


def _item_reminder(item: ProjectItem, at: Crossing, people: Audiences) -> Reminder:
    kind = f"reminder.{at.threshold}"
    groups = ["officer", "guide"] if item.state in WITH_DEPARTMENT else ["officer"]
    title, body = render_message(
        kind,
        project=item.project.name,
        item=item.approval_item.name,
        due=at.due_on.isoformat(),
        left=at.left_days,
        late=at.late_days,
    )
    return Reminder(
        recipients=people.of(item, groups),
        message_kind=kind,
        event_key=f"{kind}:project_item{item.pk}:{at.due_on.isoformat()}:{at.repeat_no}",
        title=title,
        body=body,
        url=f"/tracking/items/{item.pk}/",
        label=f"{item.project.name} · {item.approval_item.name}",
    )


def _obligation_reminder(obligation: EnterpriseObligation, at: Crossing, people: Audiences) -> Reminder:
    kind = f"obligation.{at.threshold}"
    project = obligation.project
    title, body = render_message(
        kind,
        project=project.name,
        title=obligation.title,
        due=at.due_on.isoformat(),
        late=at.late_days,
    )
    return Reminder(
        recipients=people.project_people(project, ["enterprise", "officer"]),
        message_kind=kind,
        event_key=f"{kind}:obligation{obligation.pk}:{at.due_on.isoformat()}:{at.repeat_no}",
        title=title,
        body=body,
        label=f"{project.name} · {obligation.title}",
    )


def reminders_run(*, today: dt.date | None = None) -> ReminderRun:
    """Recompute lights and send every reminder due today that has not been sent (safe to run concurrently)."""
    run = ReminderRun()
    run.refreshed = calendar_problems_retry()
    today = today or timezone.localdate()
    ctx = light_context(today)
    items = list(
        with_light(ProjectItem.objects.filter(state__in=sorted(OPEN_STATES), **SERVICE_OPEN), ctx)
        .filter(light__in=[Light.YELLOW, Light.RED])
        .select_related("project", "approval_item")
        .only(*ITEM_FIELDS)
        .order_by("pk")
    )
    people = Audiences()  # loaded per chunk by the engine, before composing: no query per item
    tally = reminders_send(
        kind=ITEM.code,
        subjects=items,
        due_on=lambda i: i.due_on,
        today=today,
        compose=lambda item, at: _item_reminder(item, at, people),
        prepare=people.load,
    )
    run.sent, run.already_sent = tally.sent, tally.already_sent
    # The enterprise's dated to-dos: yellow, red, then every N working days overdue, like the items.
    open_item = Q(project_item__isnull=True) | Q(project_item__state__in=sorted(OPEN_STATES))
    limit = obligation_light_context(today).yellow_limit
    obligations = list(
        EnterpriseObligation.objects.filter(open_item, done=False, due_on__lte=limit, **SERVICE_OPEN)
        .select_related("project")
        .only(*OBLIGATION_FIELDS)
        .order_by("pk")
    )
    run.obligations_sent = reminders_send(
        kind=OBLIGATION.code,
        subjects=obligations,
        due_on=lambda o: o.due_on,
        today=today,
        compose=lambda obligation, at: _obligation_reminder(obligation, at, people),
        prepare=people.load,
    ).sent
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
