"""Deadlines of difficulties on the deadline engine (liaison.deadlines): what waits on the centre is due N
working days after it started waiting (the centre's settings); the light rule is the engine's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.coordination.deadline_kinds import ACTION, DIFFICULTY
from liaison.coordination.models import CoordinationSettings, Difficulty, DifficultyState
from liaison.deadlines.calendar_policy import deadline_after
from liaison.deadlines.lights import Light, LightContext, light_context, light_of, with_light

__all__ = [
    "LIGHT_LABELS",
    "WAITING_ON_CENTRE",
    "DeadlineContext",
    "action_context",
    "coordination_settings",
    "deadline_context",
    "deadlines_fill",
    "due_after_step",
    "light_of",
    "with_deadline_light",
]

S = DifficultyState
# States in which the centre has a step to take by a date.
WAITING_ON_CENTRE = frozenset({S.REPORTED, S.AWAITING_APPROVAL, S.CONCLUDED})
# Coordination's wording of the engine's lights.
LIGHT_LABELS = {
    Light.RED: _("已超期"),
    Light.YELLOW: _("临期"),
    Light.GREEN: _("期限内"),
    Light.UNKNOWN: _("日历缺失"),
}
DeadlineContext = LightContext


def coordination_settings() -> CoordinationSettings:
    row, _created = CoordinationSettings.objects.get_or_create(pk=1)
    return row


def _days_after(day: dt.date, n: int) -> dt.date | None:
    return deadline_after(day, n).due_on  # None: shown as "calendar missing" until the year is entered


def due_after_step(
    *, target: str, previous: str, previous_due: dt.date | None, day: dt.date, settings: CoordinationSettings
) -> dt.date | None:
    """The difficulty's deadline once a step moves it from `previous` to `target` on `day`.

    Reported: the centre coordinates within `response_days` (a declined proposal goes back to the centre
    with its original deadline; so does the time the leader takes to approve). Concluded: the centre feeds
    back within `feedback_days`. Anything else: no deadline (the officer's own work, the project office's
    meeting, or the end)."""
    if target == S.REPORTED:
        return previous_due if previous == S.AWAITING_APPROVAL else _days_after(day, settings.response_days)
    if target == S.AWAITING_APPROVAL:
        return previous_due
    if target == S.CONCLUDED:
        return _days_after(day, settings.feedback_days)
    return None


def deadline_context(today: dt.date | None = None) -> LightContext:
    """Today and the last date still "due soon" for difficulties (the engine's missing-year policy)."""
    return light_context(DIFFICULTY.code, today)


def action_context(today: dt.date | None = None) -> LightContext:
    """The same for the meetings' actions (their own kind of deadline)."""
    return light_context(ACTION.code, today)


def deadlines_fill() -> int:
    """Give a deadline to the difficulties waiting on the centre that have none because the calendar
    lacked the year when they started waiting (run by the reminder job once the centre enters it)."""
    settings = coordination_settings()
    filled = 0
    for d in Difficulty.objects.filter(state__in=sorted(WAITING_ON_CENTRE), due_on__isnull=True):
        since = d.concluded_at if d.state == S.CONCLUDED else d.reported_at
        if since is None:
            continue
        days = settings.feedback_days if d.state == S.CONCLUDED else settings.response_days
        due = _days_after(timezone.localdate(since), days)
        if due is not None:
            Difficulty.objects.filter(pk=d.pk, due_on__isnull=True).update(due_on=due)
            filled += 1
    return filled


def with_deadline_light(qs: QuerySet[Any], ctx: LightContext | None = None) -> QuerySet[Any]:
    """Difficulties annotated with `light`: red, yellow, green, unknown (waiting, no date), or none."""
    return with_light(qs, ctx or deadline_context(), waiting=Q(state__in=sorted(WAITING_ON_CENTRE)))
