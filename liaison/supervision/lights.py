"""Inspections' traffic lights on the deadline engine: only a rectification under way waits (on the
party, against `rectify_due`); every other state has no light. The date → light rule is the engine's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Q, QuerySet

from liaison.deadlines.lights import Light, LightContext, date_conditions, light_case, light_context
from liaison.supervision.deadline_kinds import RECTIFY
from liaison.supervision.models import InspectionState

FIELD = "rectify_due"
WAITING = Q(state=InspectionState.RECTIFYING)


def rectify_light_context(today: dt.date | None = None) -> LightContext:
    return light_context(RECTIFY.code, today)


def rectify_light_conditions(ctx: LightContext) -> dict[str, Q]:
    """Light -> condition on inspections (the ones rectifying; the rest have no light)."""
    return {light: WAITING & cond for light, cond in date_conditions(ctx, field=FIELD).items()}


def rectify_light_case(ctx: LightContext) -> Case:
    return light_case(ctx, before=[(~WAITING, Light.NONE)], field=FIELD)


def with_rectify_light(qs: QuerySet[Any], ctx: LightContext | None = None) -> QuerySet[Any]:
    return qs.annotate(light=rectify_light_case(ctx or rectify_light_context()))
