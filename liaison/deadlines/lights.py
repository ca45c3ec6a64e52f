"""Traffic lights of deadlines: the vocabulary, the date -> light rule in Python and in SQL, and counts.

Red: the deadline has passed. Yellow: due within N working days (inclusive; N is the centre's setting
for the kind of deadline). Green: later. Paused: the clock is stopped (an item in 补正). Unknown
("calendar missing"): the date, or whether it is within N working days, depends on a year the calendar
lacks. None: nothing is waiting, so there is no deadline to watch.

The owning app says which of its rows are waiting and which are paused; the date part is decided here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, CharField, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.deadlines.calendar_policy import warning_limit
from liaison.deadlines.settings import deadline_settings


class Light:
    RED = "red"
    YELLOW = "yellow"
    UNKNOWN = "unknown"
    GREEN = "green"
    PAUSED = "paused"
    NONE = "none"


# Worst first: a roll-up shows the first light any of its members has.
SEVERITY = (Light.RED, Light.YELLOW, Light.UNKNOWN, Light.GREEN, Light.PAUSED, Light.NONE)
LIGHT_LABELS = {
    Light.RED: _("超期"),
    Light.YELLOW: _("临期"),
    Light.UNKNOWN: _("日历缺失"),
    Light.GREEN: _("正常"),
    Light.PAUSED: _("补正中（计时暂停）"),
    Light.NONE: _("无期限"),
}
BADGES = {
    Light.RED: "text-bg-danger",
    Light.YELLOW: "text-bg-warning",
    Light.UNKNOWN: "text-bg-secondary",
    Light.GREEN: "text-bg-success",
    Light.PAUSED: "text-bg-info",
}


@dataclass(frozen=True)
class LightContext:
    """Today's thresholds, computed once per page or job: then every light is a date comparison."""

    today: dt.date
    threshold_days: int
    yellow_limit: dt.date  # the last due date that is still yellow
    limit_complete: bool = True  # False: the calendar ends before N working days from today
    problem_year: int | None = None

    @property
    def beyond(self) -> str:
        """The light of a date after the yellow limit: green, or unknown where the calendar ends first."""
        return Light.GREEN if self.limit_complete else Light.UNKNOWN


def light_context(kind: str, today: dt.date | None = None) -> LightContext:
    """Today's context for a kind of deadline, with the centre's warning period for it."""
    return context_for(today or timezone.localdate(), deadline_settings(kind).warning_days)


def context_for(today: dt.date, warning_days: int) -> LightContext:
    """The context for an explicit warning period (yellow within `warning_days` working days)."""
    limit = warning_limit(today, warning_days)
    return LightContext(today, warning_days, limit.day, limit.complete, limit.problem_year)


def light_of(due_on: dt.date | None, ctx: LightContext) -> str:
    """One waiting row's light from its due date (the rule `light_case` applies in SQL)."""
    if due_on is None:
        return Light.UNKNOWN
    if due_on < ctx.today:
        return Light.RED
    return Light.YELLOW if due_on <= ctx.yellow_limit else ctx.beyond


def _q(prefix: str, **kw: Any) -> Q:
    return Q(**{prefix + k: v for k, v in kw.items()})


def date_whens(ctx: LightContext, *, field: str = "due_on", prefix: str = "") -> list[tuple[Q, str]]:
    """The date rule as first-match CASE branches (after the caller's own branches), default `ctx.beyond`."""
    return [
        (_q(prefix, **{f"{field}__isnull": True}), Light.UNKNOWN),
        (_q(prefix, **{f"{field}__lt": ctx.today}), Light.RED),
        (_q(prefix, **{f"{field}__lte": ctx.yellow_limit}), Light.YELLOW),
    ]


def date_conditions(ctx: LightContext, *, field: str = "due_on", prefix: str = "") -> dict[str, Q]:
    """The date rule as one condition per light (for counts with `filter=`), waiting rows assumed."""
    never = _q(prefix, **{f"{field}__isnull": True}) & _q(prefix, **{f"{field}__isnull": False})
    beyond = _q(prefix, **{f"{field}__gt": ctx.yellow_limit})
    return {
        Light.RED: _q(prefix, **{f"{field}__lt": ctx.today}),
        Light.YELLOW: _q(prefix, **{f"{field}__gte": ctx.today, f"{field}__lte": ctx.yellow_limit}),
        Light.UNKNOWN: _q(prefix, **{f"{field}__isnull": True}) | (never if ctx.limit_complete else beyond),
        Light.GREEN: beyond if ctx.limit_complete else never,
    }


def light_case(
    ctx: LightContext, *, before: Sequence[tuple[Q, str]] = (), field: str = "due_on", prefix: str = ""
) -> Case:
    """The light as a SQL CASE: the owner's branches first (not waiting -> none, paused -> paused), then
    the date rule."""
    whens = [*before, *date_whens(ctx, field=field, prefix=prefix)]
    return Case(
        *(When(cond, then=Value(light)) for cond, light in whens),
        default=Value(ctx.beyond),
        output_field=CharField(),
    )


def light_rank_case(
    ctx: LightContext, *, before: Sequence[tuple[Q, str]] = (), field: str = "due_on", prefix: str = ""
) -> Case:
    """The same CASE giving the light's index in SEVERITY (0 = red): the worst of several is the minimum."""
    whens = [*before, *date_whens(ctx, field=field, prefix=prefix)]
    return Case(
        *(When(cond, then=Value(SEVERITY.index(light))) for cond, light in whens),
        default=Value(SEVERITY.index(ctx.beyond)),
        output_field=IntegerField(),
    )


def with_light(qs: QuerySet[Any], ctx: LightContext, *, waiting: Q, field: str = "due_on") -> QuerySet[Any]:
    """Rows annotated with `light`: none unless `waiting`, then the date rule."""
    return qs.annotate(light=light_case(ctx, before=[(~waiting, Light.NONE)], field=field))


@dataclass(frozen=True)
class LightSummary:
    """Counts per light of a group; the worst light wins."""

    counts: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: Any) -> LightSummary:
        get = row.get if isinstance(row, Mapping) else lambda k, d=0: getattr(row, k, d)
        return cls({light: int(get(f"n_{light}", 0) or 0) for light in SEVERITY})

    @property
    def worst(self) -> str:
        return next((light for light in SEVERITY if self.counts.get(light)), Light.NONE)

    def __add__(self, other: LightSummary) -> LightSummary:
        keys = set(self.counts) | set(other.counts)
        return LightSummary({k: self.counts.get(k, 0) + other.counts.get(k, 0) for k in keys})


def worst_light(lights: Sequence[str]) -> str:
    """The worst of several lights (Light.NONE for none)."""
    return next((light for light in SEVERITY if light in lights), Light.NONE)
