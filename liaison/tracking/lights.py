"""Traffic lights of project items, written once as database conditions (so roll-ups stay in SQL).

An open item is judged against `due_on`: its planned due date before acceptance, its legal due date
after it. Red: the due date has passed. Yellow: due within N working days (inclusive; N is the centre's
setting). Green: later. An item waiting for the enterprise's supplement is paused (the clock stops);
an item whose date the calendar cannot give (a year not entered yet) is `unknown`, with the problem shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.db.models.fields import CharField, IntegerField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.tracking.models import FINAL_STATES, OPEN_STATES, ProjectItemState, TrackingSettings
from liaison.workcal.calendar import CalendarYearMissing, add_working_days


class Light:
    RED = "red"
    YELLOW = "yellow"
    UNKNOWN = "unknown"
    GREEN = "green"
    PAUSED = "paused"
    NONE = "none"


RUNNING_STATES = OPEN_STATES - {ProjectItemState.SUPPLEMENT_REQUESTED}  # open and the clock is running

# Worst first: a roll-up shows the first light any of its items has.
SEVERITY = (Light.RED, Light.YELLOW, Light.UNKNOWN, Light.GREEN, Light.PAUSED, Light.NONE)
LIGHT_LABELS = {
    Light.RED: _("超期"),
    Light.YELLOW: _("临期"),
    Light.UNKNOWN: _("日历缺失"),
    Light.GREEN: _("正常"),
    Light.PAUSED: _("补正中（计时暂停）"),
    Light.NONE: _("无期限"),
}


def tracking_settings() -> TrackingSettings:
    """The centre's thresholds (the row is created with the defaults on first use)."""
    row, _created = TrackingSettings.objects.get_or_create(pk=1)
    return row


@dataclass(frozen=True)
class LightContext:
    today: dt.date
    threshold_days: int
    yellow_limit: dt.date  # the last due date that is still yellow
    limit_complete: bool = True  # False: the calendar ends before N working days from today
    problem_year: int | None = None


def light_context(today: dt.date | None = None, threshold_days: int | None = None) -> LightContext:
    """Today's thresholds: computed once per page or job, then every light is a date comparison."""
    today = today or timezone.localdate()
    n = threshold_days if threshold_days is not None else tracking_settings().yellow_threshold_days
    try:
        return LightContext(today, n, add_working_days(today, n))
    except CalendarYearMissing as missing:
        last_known = dt.date(missing.year - 1, 12, 31)
        return LightContext(today, n, last_known, limit_complete=False, problem_year=missing.year)


def light_conditions(ctx: LightContext, prefix: str = "") -> dict[str, Q]:
    """Light -> condition on ProjectItem (reached through `prefix`, e.g. "tracking_items__")."""

    def q(**kw: Any) -> Q:
        return Q(**{prefix + k: v for k, v in kw.items()})

    final = q(state__in=sorted(FINAL_STATES))
    paused = q(state=ProjectItemState.SUPPLEMENT_REQUESTED)
    running = q(
        state__in=sorted(RUNNING_STATES)
    )  # positive list: cheap, and the (state, due_on) index serves it
    never = q(due_on__isnull=True) & q(due_on__isnull=False)
    beyond = q(due_on__gt=ctx.yellow_limit)
    return {
        Light.RED: running & q(due_on__lt=ctx.today),
        Light.YELLOW: running & q(due_on__gte=ctx.today, due_on__lte=ctx.yellow_limit),
        Light.UNKNOWN: running & (q(due_on__isnull=True) | (never if ctx.limit_complete else beyond)),
        Light.GREEN: running & (beyond if ctx.limit_complete else never),
        Light.PAUSED: paused,
        Light.NONE: final,
    }


def _light_whens(ctx: LightContext, prefix: str = "") -> tuple[list[tuple[Q, str]], str]:
    """The same partition as light_conditions, as a first-match CASE: each row is tested with a few
    cheap comparisons instead of every full condition (this is what roll-ups over all items evaluate)."""

    def q(**kw: Any) -> Q:
        return Q(**{prefix + k: v for k, v in kw.items()})

    whens = [
        (q(state__in=sorted(FINAL_STATES)), Light.NONE),
        (q(state=ProjectItemState.SUPPLEMENT_REQUESTED), Light.PAUSED),
        (q(due_on__isnull=True), Light.UNKNOWN),
        (q(due_on__lt=ctx.today), Light.RED),
        (q(due_on__lte=ctx.yellow_limit), Light.YELLOW),
    ]
    return whens, (Light.GREEN if ctx.limit_complete else Light.UNKNOWN)


def light_case(ctx: LightContext, prefix: str = "") -> Case:
    whens, default = _light_whens(ctx, prefix)
    return Case(
        *(When(cond, then=Value(light)) for cond, light in whens),
        default=Value(default),
        output_field=CharField(),
    )


def light_rank(ctx: LightContext, prefix: str = "") -> Case:
    """The light as its index in SEVERITY (0 = red): the worst of several items is their minimum."""
    whens, default = _light_whens(ctx, prefix)
    return Case(
        *(When(cond, then=Value(SEVERITY.index(light))) for cond, light in whens),
        default=Value(SEVERITY.index(default)),
        output_field=IntegerField(),
    )


def with_light(qs: QuerySet[Any], ctx: LightContext) -> QuerySet[Any]:
    """ProjectItems annotated with `light`."""
    return qs.annotate(light=light_case(ctx))


def light_counts(ctx: LightContext, relation: str) -> dict[str, Count]:
    """Annotations `n_<light>` counting the items reached through `relation` in each light."""
    conditions = light_conditions(ctx, relation + "__")
    return {f"n_{light}": Count(relation, filter=conditions[light], distinct=True) for light in SEVERITY}


@dataclass(frozen=True)
class LightSummary:
    """Counts per light of a group of items; the worst light wins."""

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


def worst_light(lights: list[str]) -> str:
    """The worst of several lights (Light.NONE for none)."""
    return next((light for light in SEVERITY if light in lights), Light.NONE)
