"""Reply reminders on the deadline engine (liaison.deadlines: yellow once, red once, then every N working
days overdue, each sent once per recipient however many workers run). What is consultations' own: the
guide and the first contact hear of it, the project's officers too once it is overdue, and the wording."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.consultations.deadline_kinds import REPLY
from liaison.consultations.lights import Light, reply_light_context, with_reply_light
from liaison.consultations.models import PENDING_STATES, Consultation
from liaison.consultations.settings_row import reply_deadline
from liaison.deadlines.models import Threshold
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.directory.models import User
from liaison.intake.people import projects_officers


@dataclass
class ConsultationReminderRun:
    sent: int = 0
    already_sent: int = 0
    deadlines_fixed: int = 0


def _fix_missing_deadlines() -> int:
    """Deadlines the calendar could not give at raising time, computed now that the year may be entered."""
    fixed = 0
    for c in Consultation.objects.filter(state__in=sorted(PENDING_STATES), reply_due__isnull=True):
        due, problem = reply_deadline(timezone.localdate(c.raised_at))
        if due is not None:
            Consultation.objects.filter(pk=c.pk).update(reply_due=due, calendar_problem_year=None)
            fixed += 1
        elif problem != c.calendar_problem_year:
            Consultation.objects.filter(pk=c.pk).update(calendar_problem_year=problem)
    return fixed


def _reminder(c: Consultation, at: Crossing, officers: dict[int, list[User]]) -> Reminder:
    late = at.threshold != Threshold.YELLOW
    people = [c.guide, c.first_contact] + (officers.get(c.project_id, []) if late else [])
    values = {"s": c.subject, "d": at.due_on.isoformat()}
    title = (
        _("咨询已超过答复期限：%(s)s（期限 %(d)s）") % values
        if late
        else _("咨询临近答复期限：%(s)s（%(d)s 前）") % values
    )
    return Reminder(
        recipients=people,
        message_kind="consultation.reminder",
        event_key=f"consultation:{c.pk}:reminder:{at.due_on.isoformat()}:{at.step}",
        title=title,
        body=_("项目：%(p)s；编号：%(n)s。") % {"p": c.project.name, "n": c.number},
        url=f"/consultations/{c.pk}/",
        label=f"{c.project.name} · {c.subject}",
    )


def consultation_reminders_run(today: dt.date | None = None) -> ConsultationReminderRun:
    run = ConsultationReminderRun(deadlines_fixed=_fix_missing_deadlines())
    ctx = reply_light_context(today)
    rows = list(
        with_reply_light(
            Consultation.objects.filter(
                state__in=sorted(PENDING_STATES), project__service_ended_at__isnull=True
            ),
            ctx,
        )
        .filter(light__in=[Light.YELLOW, Light.RED])
        .select_related("project", "guide", "first_contact")
        .order_by("pk")
    )
    officers: dict[int, list[User]] = {}  # the projects' officers, loaded per chunk (one query)

    def load(chunk: Sequence[Consultation]) -> None:
        officers.clear()
        officers.update(projects_officers(c.project_id for c in chunk))

    tally = reminders_send(
        kind=REPLY.code,
        subjects=rows,
        due_on=lambda c: c.reply_due,
        today=ctx.today,
        compose=lambda c, at: _reminder(c, at, officers),
        prepare=load,
    )
    run.sent, run.already_sent = tally.recipients, tally.already_sent
    return run
