"""Reminders of complaints' deadlines on the engine (liaison.deadlines): the reply to a business complaint
(the investigator and the centre), the department's cooperation answer (its admins), an integrity complaint
waiting to be registered (the supervisors), the centre's answer to a cooperation task (the centre)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.complaints.deadline_kinds import COOPERATION, REGISTRATION, REPLY, TASK
from liaison.complaints.models import (
    BusinessState,
    Complaint,
    Cooperation,
    CooperationKind,
    IntegrityState,
    Track,
)
from liaison.deadlines.lights import light_context
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.directory.people import centre_admins, users_with_roles
from liaison.directory.roles import Role
from liaison.tracking.people import Audiences


def complaint_reminders_run(*, today: dt.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    admins = centre_admins()
    supervisors = users_with_roles(Role.SUPERVISOR)
    audiences = Audiences()  # each department's admins once per run, not once per cooperation
    sent: dict[str, int] = {}

    def limit(kind: Any) -> dt.date:
        return light_context(kind.code, today).yellow_limit

    def reply(c: Complaint, at: Crossing) -> Reminder:
        return Reminder(
            recipients=[c.investigator, *admins] if c.investigator_id else admins,
            message_kind=f"complaint.reminder.{at.threshold}",
            event_key=f"complaint:{c.pk}:reply:reminder:{at.due_on.isoformat()}:{at.step}",
            title=_("投诉答复期限 %(d)s：%(n)s") % {"d": at.due_on.isoformat(), "n": c.number},
            url=f"/complaints/{c.pk}/",
        )

    def register(c: Complaint, at: Crossing) -> Reminder:
        return Reminder(
            recipients=supervisors,
            message_kind=f"complaint.registration.{at.threshold}",
            event_key=f"complaint:{c.pk}:registration:reminder:{at.due_on.isoformat()}:{at.step}",
            title=_("廉政投诉 %(n)s 已收到 5 个工作日仍未登记（期限 %(d)s）")
            % {"n": c.number, "d": at.due_on.isoformat()},
            url=f"/complaints/integrity/{c.pk}/",
        )

    def cooperation(k: Cooperation, at: Crossing) -> Reminder:
        centre_task = k.kind == CooperationKind.CENTRE_TASK
        return Reminder(
            recipients=admins if centre_task else audiences.department_admins(k.department_id or 0),
            message_kind=f"complaint.cooperation.{at.threshold}",
            event_key=f"complaint_cooperation:{k.pk}:reminder:{at.step}",
            title=(_("纪检协查任务答复期限 %(d)s") if centre_task else _("投诉协助调查答复期限 %(d)s"))
            % {"d": at.due_on.isoformat()},
            url=f"/complaints/tasks/{k.pk}/" if centre_task else f"/complaints/{k.complaint_id}/",
        )

    replies = (
        Complaint.objects.filter(
            track=Track.BUSINESS,
            state__in=[BusinessState.RECEIVED, BusinessState.INVESTIGATING],
            due_on__lte=limit(REPLY),
        )
        .select_related("investigator")
        .order_by("pk")
    )
    sent[REPLY.code] = reminders_send(
        kind=REPLY.code,
        subjects=list(replies),
        due_on=lambda c: c.due_on or today,
        today=today,
        compose=reply,
    ).sent
    waiting = Complaint.objects.filter(
        track=Track.INTEGRITY, state=IntegrityState.RECEIVED, due_on__lte=limit(REGISTRATION)
    ).order_by("pk")
    sent[REGISTRATION.code] = reminders_send(
        kind=REGISTRATION.code,
        subjects=list(waiting),
        due_on=lambda c: c.due_on or today,
        today=today,
        compose=register,
    ).sent
    for kind, which, extra in (
        (COOPERATION, CooperationKind.DEPARTMENT, {"complaint__state": BusinessState.INVESTIGATING}),
        (TASK, CooperationKind.CENTRE_TASK, {}),
    ):
        rows = Cooperation.objects.filter(
            kind=which, answered_at__isnull=True, due_on__lte=limit(kind), **extra
        ).order_by("pk")
        sent[kind.code] = reminders_send(
            kind=kind.code,
            subjects=list(rows),
            due_on=lambda k: k.due_on or today,
            today=today,
            compose=cooperation,
        ).sent
    return sent
