"""Traffic lights of project items on the deadline engine (liaison.deadlines): which item states wait,
which are paused, and the SQL that roll-ups use. The date -> light rule itself is the engine's.

An open item is judged against `due_on`: its planned due date before acceptance, its legal due date
after it. An item waiting for the enterprise's supplement is paused (the clock stops); an item whose
date the calendar cannot give (a year not entered yet) is `unknown`, with the problem shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Count, Q, QuerySet
from django.utils import timezone

from liaison.deadlines.lights import (
    LIGHT_LABELS,
    SEVERITY,
    Light,
    LightContext,
    LightSummary,
    context_for,
    date_conditions,
    light_rank_case,
    worst_light,
)
from liaison.deadlines.lights import (
    light_case as engine_light_case,
)
from liaison.deadlines.settings import deadline_settings
from liaison.tracking.deadline_kinds import ITEM
from liaison.tracking.models import FINAL_STATES, OPEN_STATES, ProjectItemState, TrackingSettings

__all__ = [
    "LIGHT_LABELS",
    "RUNNING_STATES",
    "SEVERITY",
    "Light",
    "LightContext",
    "LightSummary",
    "light_case",
    "light_conditions",
    "light_context",
    "light_counts",
    "light_rank",
    "tracking_settings",
    "with_light",
    "worst_light",
]

RUNNING_STATES = OPEN_STATES - {ProjectItemState.SUPPLEMENT_REQUESTED}  # open and the clock is running


def tracking_settings() -> TrackingSettings:
    """The centre's tracking row (the row is created with the defaults on first use)."""
    row, _created = TrackingSettings.objects.get_or_create(pk=1)
    return row


def light_context(today: dt.date | None = None, threshold_days: int | None = None) -> LightContext:
    """Today's thresholds for items: computed once per page or job, then every light is a date comparison."""
    n = threshold_days if threshold_days is not None else deadline_settings(ITEM.code).warning_days
    return context_for(today or timezone.localdate(), n)


def _q(prefix: str, **kw: Any) -> Q:
    return Q(**{prefix + k: v for k, v in kw.items()})


def light_conditions(ctx: LightContext, prefix: str = "") -> dict[str, Q]:
    """Light -> condition on ProjectItem (reached through `prefix`, e.g. "tracking_items__")."""
    # a positive list of running states: cheap, and the (state, due_on) index serves it
    running = _q(prefix, state__in=sorted(RUNNING_STATES))
    dated = date_conditions(ctx, prefix=prefix)
    return {
        **{light: running & cond for light, cond in dated.items()},
        Light.PAUSED: _q(prefix, state=ProjectItemState.SUPPLEMENT_REQUESTED),
        Light.NONE: _q(prefix, state__in=sorted(FINAL_STATES)),
    }


def _before(prefix: str) -> list[tuple[Q, str]]:
    """Items' own branches ahead of the date rule (a first-match CASE: a few cheap comparisons per row)."""
    return [
        (_q(prefix, state__in=sorted(FINAL_STATES)), Light.NONE),
        (_q(prefix, state=ProjectItemState.SUPPLEMENT_REQUESTED), Light.PAUSED),
    ]


def light_case(ctx: LightContext, prefix: str = "") -> Case:
    return engine_light_case(ctx, before=_before(prefix), prefix=prefix)


def light_rank(ctx: LightContext, prefix: str = "") -> Case:
    """The light as its index in SEVERITY (0 = red): the worst of several items is their minimum."""
    return light_rank_case(ctx, before=_before(prefix), prefix=prefix)


def with_light(qs: QuerySet[Any], ctx: LightContext) -> QuerySet[Any]:
    """ProjectItems annotated with `light`."""
    return qs.annotate(light=light_case(ctx))


def light_counts(ctx: LightContext, relation: str) -> dict[str, Count]:
    """Annotations `n_<light>` counting the items reached through `relation` in each light."""
    conditions = light_conditions(ctx, relation + "__")
    return {f"n_{light}": Count(relation, filter=conditions[light], distinct=True) for light in SEVERITY}
