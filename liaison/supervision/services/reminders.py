"""Reminders of rectification deadlines on the engine: the party is told once yellow, once red, then every
N working days overdue; from red on the supervisor who opened the inspection is told too."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.deadlines.lights import light_context
from liaison.deadlines.models import Threshold
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.supervision.deadline_kinds import RECTIFY
from liaison.supervision.models import Inspection, InspectionState
from liaison.supervision.services.inspections import party_people
from liaison.tracking.people import Audiences


def _reminder(inspection: Inspection, at: Crossing, audiences: Audiences) -> Reminder:
    people = party_people(inspection, audiences)
    if at.threshold != Threshold.YELLOW:
        people = [*people, inspection.opened_by]
    return Reminder(
        recipients=people,
        message_kind=f"inspection.reminder.{at.threshold}",
        event_key=f"inspection:{inspection.pk}:reminder:{at.due_on.isoformat()}:{at.step}",
        title=_("监督检查整改期限 %(d)s：%(t)s") % {"d": at.due_on.isoformat(), "t": inspection.title},
        url=f"/supervision/inspections/{inspection.pk}/",
    )


def supervision_reminders_run(*, today: dt.date | None = None) -> int:
    """Send the reminders due today; the number sent."""
    today = today or timezone.localdate()
    limit = light_context(RECTIFY.code, today).yellow_limit
    rows = list(
        Inspection.objects.filter(state=InspectionState.RECTIFYING, rectify_due__lte=limit)
        .select_related("officer__user", "project", "opened_by")
        .order_by("pk")
    )
    audiences = Audiences()  # the projects' officers per chunk, each department's admins once per run
    return reminders_send(
        kind=RECTIFY.code,
        subjects=rows,
        due_on=lambda i: i.rectify_due or today,
        today=today,
        compose=lambda i, at: _reminder(i, at, audiences),
        prepare=audiences.load,
    ).sent
