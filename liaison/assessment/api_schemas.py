"""The request and response schemas of /api/v1/assessment (names unique across the API)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema

from liaison.core.bounds import Year

Weight = Annotated[int, Field(ge=0, le=100)]
Quarter = Annotated[int, Field(ge=1, le=4)]


class AssessmentIndicatorOut(Schema):
    key: str
    label: str
    kind: str
    unit: str
    direction: str
    rule: str
    note: str
    weight: int


class AssessmentMethodIn(Schema):
    title: str = Field(max_length=200)
    explanation: str = Field(max_length=20_000)
    weights: dict[Annotated[str, Field(max_length=60)], Weight] = Field(max_length=100)


class AssessmentMethodOut(Schema):
    id: int
    title: str
    explanation: str
    state: str
    version: int | None
    published_on: dt.date | None
    superseded_on: dt.date | None
    indicators: list[AssessmentIndicatorOut]


class AssessmentPeriodIn(Schema):
    kind: str = Field(max_length=8)
    year: Year
    quarter: Quarter | None = None
    method_id: Annotated[int, Field(ge=1, le=2**63 - 1)] | None = None


class AssessmentPeriodOut(Schema):
    id: int
    code: str
    kind: str
    start: dt.date
    end: dt.date
    state: str
    method_id: int
    method: str
    computed_at: dt.datetime | None
    published_at: dt.datetime | None
    actions: list[str]


class AssessmentResultOut(Schema):
    id: int
    period_id: int
    subject_kind: str
    subject_id: int
    label: str
    department: str
    computed_score: str | None
    adjusted_score: str | None
    final_score: str | None
    adjustment_reason: str
    values: list[dict[str, Any]]


class AssessmentAdjustIn(Schema):
    score: Decimal = Field(ge=0, le=100, max_digits=5, decimal_places=2)
    reason: str = Field(max_length=1000)
