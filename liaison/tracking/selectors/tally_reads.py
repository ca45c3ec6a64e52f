"""Reading tracking's tallies: red and yellow running items summed from a due tally up to today's yellow
limit, and items by light from summed roll-ups (shared by the centre overview and the officers' loads)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, Sum

from liaison.tracking.lights import Light, LightContext, LightSummary


def lights_from_sums(ctx: LightContext, sums: Any, red: int, yellow: int) -> LightSummary:
    """Items by light from summed roll-ups plus the red/yellow counts (the rest of the running items with
    a due date are green, or unknown where the calendar ends before the yellow limit)."""
    total, opened, running, paused, undated = (int(sums.get(k) or 0) for k in ROLLUP_SUMS)
    beyond = running - undated - red - yellow
    return LightSummary(
        {
            Light.RED: red,
            Light.YELLOW: yellow,
            Light.UNKNOWN: undated + (beyond if ctx.beyond == Light.UNKNOWN else 0),
            Light.GREEN: beyond if ctx.beyond == Light.GREEN else 0,
            Light.PAUSED: paused,
            Light.NONE: total - opened,
        }
    )


ROLLUP_SUMS = ("items_total", "items_open", "items_running", "items_paused", "items_undated")


def soon_counts(qs: Any, ctx: LightContext, by: str) -> dict[int, tuple[int, int]]:
    """key -> (red, yellow) running items, summed from a due tally's rows up to the yellow limit."""
    rows = (
        qs.filter(due_on__lte=ctx.yellow_limit)
        .order_by()
        .values_list(by)
        .annotate(
            red=Sum("n", filter=Q(due_on__lt=ctx.today)), yellow=Sum("n", filter=Q(due_on__gte=ctx.today))
        )
    )
    return {key: (int(red or 0), int(yellow or 0)) for key, red, yellow in rows}
