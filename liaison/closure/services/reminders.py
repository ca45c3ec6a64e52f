"""Reminders of what waits at the end of a service, on the deadline engine: the enterprise's confirmation
of the handover, the centre's confirmation of completion or termination (each crossing once per recipient,
repeated every N working days overdue)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.closure.deadline_kinds import CONFIRMATION, RECEIPT, kind_waiting_in
from liaison.closure.models import WAITING_ON_CENTRE, Service, waiting_on_enterprise_q
from liaison.deadlines.lights import light_context
from liaison.deadlines.models import Threshold
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.intake.people import centre_admins
from liaison.tracking.people import Audiences


@dataclass
class ClosureReminderRun:
    receipts: int = 0
    confirmations: int = 0


def _reminder(service: Service, at: Crossing, audiences: Audiences, admins: list[Any]) -> Reminder:
    late = at.threshold != Threshold.YELLOW
    project = service.project
    if kind_waiting_in(service.state, handover_pending=service.termination_handover_pending) is RECEIPT:
        people = audiences.project_people(project, ["enterprise", "officer"] if late else ["enterprise"])
        title = _("请确认资料移交：%(p)s（期限 %(d)s）")
    else:
        people = admins
        title = _("请中心确认办结或终止：%(p)s（期限 %(d)s）")
    return Reminder(
        recipients=people,
        message_kind=f"service.reminder.{at.threshold}",
        event_key=f"service:{service.pk}:{service.state}:reminder:{at.due_on.isoformat()}:{at.step}",
        title=title % {"p": project.name, "d": at.due_on.isoformat()},
        body=_("已超过期限。") if late else _("期限将至。"),
        url=f"/closure/projects/{project.pk}/",
    )


def closure_reminders_run(*, today: dt.date | None = None) -> ClosureReminderRun:
    today = today or timezone.localdate()
    run = ClosureReminderRun()
    audiences = Audiences()  # the projects' people, loaded per chunk by the engine: no query per service
    admins = centre_admins()  # once per run
    for kind, waiting in (
        (RECEIPT, waiting_on_enterprise_q()),
        (CONFIRMATION, Q(state__in=sorted(WAITING_ON_CENTRE))),
    ):
        limit = light_context(kind.code, today).yellow_limit
        due = list(
            Service.objects.filter(waiting, due_on__lte=limit).select_related("project").order_by("pk")
        )
        sent = reminders_send(
            kind=kind.code,
            subjects=due,
            due_on=lambda s: s.due_on or today,
            today=today,
            compose=lambda s, at: _reminder(s, at, audiences, admins),
            prepare=audiences.load,
        ).sent
        if kind is RECEIPT:
            run.receipts = sent
        else:
            run.confirmations = sent
    return run
