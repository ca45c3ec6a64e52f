"""The request and response schemas of /api/v1/evaluation (names unique across the API)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema

from liaison.core.bounds import Id, IdList

Score = Annotated[int, Field(ge=1, le=5)]


class EvaluationInvitationOut(Schema):
    id: int
    kind: str
    title: str
    project_id: int
    opened_on: dt.date
    due_on: dt.date | None
    evaluated: bool
    evaluated_by_me: bool


class EvaluationGiveIn(Schema):
    level: int = Field(ge=1, le=5)
    guide_level: int | None = Field(default=None, ge=1, le=5)
    reason_ids: IdList = Field(default_factory=list)
    text: str = Field(default="", max_length=1000)


class EvaluationCommentIn(Schema):
    text: str = Field(max_length=1000)


class EvaluationOut(Schema):
    id: int
    invitation_id: int
    title: str
    level: int
    level_label: str
    guide_level: int | None
    reasons: list[str]
    text: str
    created_at: dt.datetime
    excluded: bool
    evaluator: str = Field(description="only for the centre and the supervisors; empty otherwise")


class EvaluationAppealIn(Schema):
    grounds: str = Field(max_length=2000)


class EvaluationAppealDecisionIn(Schema):
    upheld: bool
    reason: str = Field(max_length=2000)


class EvaluationFollowUpOut(Schema):
    id: int
    evaluation_id: int
    title: str
    state: str
    due_on: dt.date | None
    responsible: str
    verification: str
    rectification_asked: str
    rectification_report: str
    return_note: str
    evaluator_accepts: bool | None
    actions: list[str] = Field(default_factory=list)


class EvaluationFollowUpStepIn(Schema):
    verification: str = Field(default="", max_length=4000)
    responsible: Literal["officer", "department", ""] = ""
    department_id: Id | None = None
    asked: str = Field(default="", max_length=4000)
    rectify_days: int | None = Field(default=None, ge=1, le=60)
    report: str = Field(default="", max_length=4000)
    comment: str = Field(default="", max_length=4000)
    accepts: bool | None = None
    note: str = Field(default="", max_length=4000)


class ReturnVisitOut(Schema):
    id: int
    project_id: int
    reason: str
    stage: str
    state: str
    due_on: dt.date | None
    assignee_id: int | None
    visited_on: dt.date | None
    method: str
    light: str = ""


class ReturnVisitRecordIn(Schema):
    visited_on: dt.date
    method: Literal["phone", "on_site", "online"]
    spoken_to: str = Field(max_length=100)
    answers: dict[Id, Score] = Field(description="question id -> score 1..5", max_length=100)
    issues: str = Field(default="", max_length=4000)


class ReturnVisitAssignIn(Schema):
    assignee_id: Id


class SatisfactionFigureOut(Schema):
    key: str
    label: str
    invitations: int
    evaluated: int
    evaluations: int
    levels: dict[int, int]
    satisfaction_rate: float | None
    evaluated_rate: float | None
    bad_reviews: int
    verified_on_time: int
    rectified_on_time: int
    returned: int
