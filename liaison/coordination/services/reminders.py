"""Reminders of difficulties' deadlines: once when yellow, once when red, per deadline, to those the
waiting step belongs to (the centre; its leader too while a proposal awaits approval). Safe to run in
several workers at once: the DifficultyReminder row is the gate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from liaison.coordination.deadlines import (
    WAITING_ON_CENTRE,
    deadline_context,
    deadlines_fill,
    with_deadline_light,
)
from liaison.coordination.models import Difficulty, DifficultyReminder, DifficultyState
from liaison.coordination.people import users_with_roles
from liaison.coordination.services.actions import action_reminders_run
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.notifications.services.notify import notification_send


@dataclass
class DifficultyReminderRun:
    sent: int = 0
    already_sent: int = 0
    actions_sent: int = 0


def _people(difficulty: Difficulty) -> list[User]:
    roles = [Role.CENTER_ADMIN]
    if difficulty.state == DifficultyState.AWAITING_APPROVAL:
        roles.append(Role.CENTER_LEADER)
    return users_with_roles(*roles)


def difficulty_reminders_run(*, today: dt.date | None = None) -> DifficultyReminderRun:
    deadlines_fill()  # deadlines the calendar could not give before the centre entered the year
    ctx = deadline_context(today)
    due = list(
        with_deadline_light(
            Difficulty.objects.filter(state__in=sorted(WAITING_ON_CENTRE), due_on__lte=ctx.yellow_limit), ctx
        )
        .filter(light__in=["red", "yellow"])
        .select_related("project")
        .order_by("pk")
    )
    run = DifficultyReminderRun()
    sent = set(
        DifficultyReminder.objects.filter(difficulty__in=due).values_list("difficulty_id", "kind", "due_on")
    )
    for d in due:
        if (d.pk, d.light, d.due_on) in sent:
            run.already_sent += 1
            continue
        people = _people(d)
        title = (_("难点问题已超过处理期限：%(t)s") if d.light == "red" else _("难点问题即将到期：%(t)s")) % {
            "t": d.title
        }
        try:
            with transaction.atomic():
                DifficultyReminder.objects.create(
                    difficulty=d, kind=d.light, due_on=d.due_on, recipients=len(people)
                )
                notification_send(
                    recipients=people,
                    kind=f"difficulty.reminder.{d.light}",
                    event_key=f"difficulty-reminder:{d.pk}:{d.light}:{d.due_on.isoformat()}",
                    title=title,
                    body=_("“%(p)s”的难点问题 %(n)s（%(s)s）处理期限为 %(d)s。")
                    % {
                        "p": d.project.name,
                        "n": d.number,
                        "s": d.get_state_display(),
                        "d": d.due_on.isoformat(),
                    },
                    url=f"/coordination/difficulties/{d.pk}/",
                )
        except IntegrityError:
            run.already_sent += 1
            continue
        run.sent += 1
    run.actions_sent = action_reminders_run(ctx)
    return run
