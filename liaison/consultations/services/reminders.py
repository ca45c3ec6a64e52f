"""Reply reminders: each threshold crossing (yellow, red, then every N working days overdue) is sent once
per recipient, however many workers run at once — the notification's unique (recipient, event key) is the gate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.consultations.lights import Light, reply_light_context, with_reply_light
from liaison.consultations.models import PENDING_STATES, Consultation
from liaison.consultations.settings_row import consultation_settings, reply_deadline
from liaison.notifications.services.notify import notification_send
from liaison.tracking.people import project_officers
from liaison.workcal.calendar import CalendarYearMissing, working_days_between


@dataclass
class ConsultationReminderRun:
    sent: int = 0
    already_sent: int = 0
    deadlines_fixed: int = 0


def _threshold(light: str, due: dt.date, today: dt.date, repeat: int) -> str:
    if light == Light.YELLOW:
        return "yellow"
    try:
        late = working_days_between(due, today)
    except CalendarYearMissing:
        late = (today - due).days
    return f"overdue{late // repeat}" if late >= repeat else "red"


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


def consultation_reminders_run(today: dt.date | None = None) -> ConsultationReminderRun:
    run = ConsultationReminderRun(deadlines_fixed=_fix_missing_deadlines())
    ctx = reply_light_context(today)
    repeat = consultation_settings().overdue_repeat_days
    rows = (
        with_reply_light(Consultation.objects.filter(state__in=sorted(PENDING_STATES)), ctx)
        .filter(light__in=[Light.YELLOW, Light.RED])
        .select_related("project", "guide", "first_contact")
    )
    for c in rows:
        if c.reply_due is None:  # yellow and red need a deadline; kept as a guard
            continue
        step = _threshold(c.light, c.reply_due, ctx.today, repeat)
        people = [c.guide, c.first_contact] + (project_officers(c.project) if c.light == Light.RED else [])
        key = f"consultation:{c.pk}:reminder:{c.reply_due.isoformat()}:{step}"
        if c.light == Light.YELLOW:
            title = _("咨询临近答复期限：%(s)s（%(d)s 前）") % {"s": c.subject, "d": c.reply_due.isoformat()}
        else:
            title = _("咨询已超过答复期限：%(s)s（期限 %(d)s）") % {
                "s": c.subject,
                "d": c.reply_due.isoformat(),
            }
        recipients = {p.pk: p for p in people if p is not None and p.is_active}
        with transaction.atomic():
            created = notification_send(
                recipients=list(recipients.values()),
                kind="consultation.reminder",
                event_key=key,
                title=title,
                body=_("项目：%(p)s；编号：%(n)s。") % {"p": c.project.name, "n": c.number},
                url=f"/consultations/{c.pk}/",
            )
        run.sent += len(created)
        run.already_sent += len(recipients) - len(created)  # sent before, by this or another run
    return run
