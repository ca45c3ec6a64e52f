"""Deadlines and lights of difficulties: what waits on the centre is due N working days after it
started waiting (the centre's settings); red once past, yellow within the threshold, green before."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.coordination.models import CoordinationSettings, DifficultyState
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
    today = today or timezone.localdate()
    limit = _days_after(today, coordination_settings().yellow_threshold_days) or dt.date(today.year, 12, 31)
    return DeadlineContext(today, limit if limit >= today else today)


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
