"""Reminders of difficulties' deadlines on the deadline engine (liaison.deadlines: once when yellow, once
when red, then every N working days overdue; safe with several workers). What is coordination's own: who
the waiting step belongs to (the centre; its leader too while a proposal awaits approval) and the wording."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from liaison.coordination.deadline_kinds import DIFFICULTY
from liaison.coordination.deadlines import (
    WAITING_ON_CENTRE,
    action_context,
    deadline_context,
    deadlines_fill,
    with_deadline_light,
)
from liaison.coordination.models import Difficulty, DifficultyState
from liaison.coordination.services.actions import action_reminders_run
from liaison.deadlines.lights import Light
from liaison.deadlines.models import Threshold
from liaison.deadlines.schedule import Crossing
from liaison.deadlines.services.reminders import Reminder, reminders_send
from liaison.directory.roles import Role
from liaison.tracking.people import Audiences


@dataclass
class DifficultyReminderRun:
    sent: int = 0
    already_sent: int = 0
    actions_sent: int = 0


def _reminder(d: Difficulty, at: Crossing, audiences: Audiences) -> Reminder:
    roles = [Role.CENTER_ADMIN]
    if d.state == DifficultyState.AWAITING_APPROVAL:
        roles.append(Role.CENTER_LEADER)
    light = Light.YELLOW if at.threshold == Threshold.YELLOW else Light.RED
    title = _("难点问题已超过处理期限：%(t)s") if light == Light.RED else _("难点问题即将到期：%(t)s")
    step = "" if at.repeat_no == 0 else f":{at.repeat_no}"  # the first yellow and red keep their old keys
    return Reminder(
        recipients=audiences.role_holders(*roles),
        message_kind=f"difficulty.reminder.{light}",
        event_key=f"difficulty-reminder:{d.pk}:{light}:{at.due_on.isoformat()}{step}",
        title=title % {"t": d.title},
        body=_("“%(p)s”的难点问题 %(n)s（%(s)s）处理期限为 %(d)s。")
        % {"p": d.project.name, "n": d.number, "s": d.get_state_display(), "d": at.due_on.isoformat()},
        url=f"/coordination/difficulties/{d.pk}/",
    )


def difficulty_reminders_run(*, today: dt.date | None = None) -> DifficultyReminderRun:
    deadlines_fill()  # deadlines the calendar could not give before the centre entered the year
    ctx = deadline_context(today)
    due = list(
        with_deadline_light(
            Difficulty.objects.filter(
                state__in=sorted(WAITING_ON_CENTRE),
                due_on__lte=ctx.yellow_limit,
                project__service_ended_at__isnull=True,
            ),
            ctx,
        )
        .filter(light__in=[Light.RED, Light.YELLOW])
        .select_related("project")
        .order_by("pk")
    )
    audiences = Audiences()  # the centre's admins and leaders asked once per run, not once per difficulty
    tally = reminders_send(
        kind=DIFFICULTY.code,
        subjects=due,
        due_on=lambda d: d.due_on,
        today=ctx.today,
        compose=lambda d, at: _reminder(d, at, audiences),
    )
    run = DifficultyReminderRun(sent=tally.sent, already_sent=tally.already_sent)
    run.actions_sent = action_reminders_run(action_context(today))
    return run
