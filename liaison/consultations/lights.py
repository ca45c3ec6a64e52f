"""Traffic lights of consultations waiting on a guide, on the deadline engine (liaison.deadlines): a
consultation waits while it is pending; its deadline is `reply_due`. The rule itself is the engine's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Q, QuerySet

from liaison.consultations.deadline_kinds import REPLY
from liaison.consultations.models import PENDING_STATES, Consultation
from liaison.deadlines.lights import (
    LIGHT_LABELS,
    SEVERITY,
    Light,
    LightContext,
    date_conditions,
    light_case,
    light_context,
)

__all__ = [
    "LIGHT_LABELS",
    "SEVERITY",
    "Light",
    "ReplyLightContext",
    "reply_light_case",
    "reply_light_conditions",
    "reply_light_context",
    "with_reply_light",
]

ReplyLightContext = LightContext
FIELD = "reply_due"


def reply_light_context(today: dt.date | None = None) -> LightContext:
    return light_context(REPLY.code, today)


def _pending(prefix: str = "") -> Q:
    return Q(**{f"{prefix}state__in": sorted(PENDING_STATES)})


def reply_light_conditions(ctx: LightContext, prefix: str = "") -> dict[str, Q]:
    """Light -> condition on pending consultations (not waiting ones have no light)."""
    return {
        light: _pending(prefix) & cond
        for light, cond in date_conditions(ctx, field=FIELD, prefix=prefix).items()
    }


def reply_light_case(ctx: LightContext, prefix: str = "") -> Case:
    return light_case(ctx, before=[(~_pending(prefix), Light.NONE)], field=FIELD, prefix=prefix)


def with_reply_light(qs: QuerySet[Consultation], ctx: LightContext | None = None) -> QuerySet[Any]:
    return qs.annotate(light=reply_light_case(ctx or reply_light_context()))
