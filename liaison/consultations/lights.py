"""Traffic lights of consultations waiting on a guide, as database conditions (lists stay in SQL).

Red: the reply deadline has passed. Yellow: due within N working days (the centre's setting, inclusive).
Green: later. Unknown: the calendar could not give a deadline. None: not waiting on a guide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils import timezone

from liaison.consultations.models import PENDING_STATES, Consultation
from liaison.consultations.settings_row import consultation_settings
from liaison.tracking.lights import LIGHT_LABELS, SEVERITY, Light
from liaison.workcal.calendar import CalendarYearMissing, add_working_days

__all__ = [
    "LIGHT_LABELS",
    "SEVERITY",
    "Light",
    "ReplyLightContext",
    "reply_light_context",
    "with_reply_light",
]


@dataclass(frozen=True)
class ReplyLightContext:
    today: dt.date
    yellow_limit: dt.date


def reply_light_context(today: dt.date | None = None) -> ReplyLightContext:
    today = today or timezone.localdate()
    n = consultation_settings().yellow_threshold_days
    try:
        limit = add_working_days(today, n) if n else today
    except CalendarYearMissing as missing:
        limit = dt.date(missing.year - 1, 12, 31)
    return ReplyLightContext(today, limit)


def reply_light_conditions(ctx: ReplyLightContext, prefix: str = "") -> dict[str, Q]:
    def q(**kw: object) -> Q:
        return Q(**{prefix + k: v for k, v in kw.items()})

    pending = q(state__in=sorted(PENDING_STATES))
    return {
        Light.RED: pending & q(reply_due__lt=ctx.today),
        Light.YELLOW: pending & q(reply_due__gte=ctx.today, reply_due__lte=ctx.yellow_limit),
        Light.UNKNOWN: pending & q(reply_due__isnull=True),
        Light.GREEN: pending & q(reply_due__gt=ctx.yellow_limit),
    }


def reply_light_case(ctx: ReplyLightContext, prefix: str = "") -> Case:
    conditions = reply_light_conditions(ctx, prefix)
    return Case(
        *(When(conditions[light], then=Value(light)) for light in SEVERITY if light in conditions),
        default=Value(Light.NONE),
        output_field=CharField(),
    )


def with_reply_light(qs: QuerySet[Consultation], ctx: ReplyLightContext | None = None) -> QuerySet[Any]:
    return qs.annotate(light=reply_light_case(ctx or reply_light_context()))
