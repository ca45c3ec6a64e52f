"""Deadlines and lights of difficulties: what waits on the centre is due N working days after it
started waiting (the centre's settings); red once past, yellow within the threshold, green before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.coordination.models import CoordinationSettings, Difficulty, DifficultyState
from liaison.workcal.calendar import CalendarYearMissing, add_working_days

S = DifficultyState
# States in which the centre has a step to take by a date.
WAITING_ON_CENTRE = frozenset({S.REPORTED, S.AWAITING_APPROVAL, S.CONCLUDED})
LIGHT_LABELS = {"red": _("已超期"), "yellow": _("临期"), "green": _("期限内"), "unknown": _("日历缺失")}


def coordination_settings() -> CoordinationSettings:
    row, _created = CoordinationSettings.objects.get_or_create(pk=1)
    return row


def _days_after(day: dt.date, n: int) -> dt.date | None:
    try:
        return add_working_days(day, n)
    except CalendarYearMissing:
        return None  # shown as "calendar missing" until the centre enters the year


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


@dataclass(frozen=True)
class DeadlineContext:
    today: dt.date
    yellow_limit: dt.date


def deadline_context(today: dt.date | None = None) -> DeadlineContext:
    """Today and the last date still "due soon". Where the calendar lacks the year the threshold runs
    into, the limit stops at the end of the last year entered (never before today), as the tracking
    lights do: nothing in the unentered year is called "due soon" before its working days are known."""
    today = today or timezone.localdate()
    try:
        limit = add_working_days(today, coordination_settings().yellow_threshold_days)
    except CalendarYearMissing as missing:
        limit = dt.date(missing.year - 1, 12, 31)
    return DeadlineContext(today, max(limit, today))


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


def light_of(due_on: dt.date | None, ctx: DeadlineContext) -> str:
    """One date's light (the rule `with_deadline_light` applies in SQL): red past, yellow by the limit."""
    if due_on is None:
        return "unknown"
    if due_on < ctx.today:
        return "red"
    return "yellow" if due_on <= ctx.yellow_limit else "green"


def with_deadline_light(qs: QuerySet[Any], ctx: DeadlineContext | None = None) -> QuerySet[Any]:
    """Difficulties annotated with `light`: red, yellow, green, unknown (waiting, no date), or none."""
    ctx = ctx or deadline_context()
    waiting = Q(state__in=sorted(WAITING_ON_CENTRE))
    return qs.annotate(
        light=Case(
            When(waiting & Q(due_on__isnull=True), then=Value("unknown")),
            When(waiting & Q(due_on__lt=ctx.today), then=Value("red")),
            When(waiting & Q(due_on__lte=ctx.yellow_limit), then=Value("yellow")),
            When(waiting, then=Value("green")),
            default=Value("none"),
            output_field=CharField(),
        )
    )
