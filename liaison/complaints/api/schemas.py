"""The request and response schemas of /api/v1/complaints (names unique across the API)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from liaison.core.bounds import Days, Id


class ComplaintLodgeIn(Schema):
    track: str = Field(max_length=10, description="business | integrity")
    subject_kind: str = Field(max_length=12, description="officer | guide | department | centre")
    officer_id: Id | None = None
    guide_id: Id | None = None
    department_id: Id | None = None
    project_id: Id | None = None
    happened_on: dt.date | None = None
    text: str = Field(max_length=5000)
    name: str = Field(default="", max_length=60)
    phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=200)
    anonymous: bool = False
    identity_consent: bool = False
    confirm_track: bool = Field(
        default=False, description="keep 'business' although integrity words were found"
    )


class ComplaintLodgedOut(Schema):
    id: int
    number: str
    track: str
    state: str
    query_code: str = Field(description="shown once; only its hash is kept")


class ComplaintCooperationOut(Schema):
    id: int
    kind: str
    department_id: int | None
    request: str
    due_on: dt.date | None
    answer: str
    answered_at: dt.datetime | None


class ComplaintOut(Schema):
    id: int
    number: str
    track: str
    state: str
    state_label: str
    subject_kind: str
    officer_id: int | None
    guide_id: int | None
    department_id: int | None
    received_at: dt.datetime
    due_on: dt.date | None
    light: str = ""
    text: str = ""
    complainant: str = ""
    finding: str = ""
    reply: str = ""
    satisfaction: str = ""
    conclusion: str = ""
    actions: list[str] = Field(default_factory=list)
    cooperations: list[ComplaintCooperationOut] = Field(default_factory=list)


class ComplaintRegisterIn(Schema):
    investigator_id: Id


class ComplaintCooperationIn(Schema):
    department_id: Id
    request: str = Field(max_length=2000)


class ComplaintAnswerIn(Schema):
    answer: str = Field(max_length=4000)


class ComplaintReplyIn(Schema):
    finding: str = Field(max_length=20)
    measures: str = Field(default="", max_length=4000)
    reply: str = Field(max_length=4000)


class ComplaintRateIn(Schema):
    satisfaction: str = Field(max_length=14)


class ComplaintTextIn(Schema):
    text: str = Field(max_length=4000)


class ComplaintConcludeIn(Schema):
    finding: str = Field(max_length=20)
    conclusion: str = Field(max_length=4000)


class ComplaintTaskOut(Schema):
    id: int
    request: str
    due_on: dt.date | None
    answer: str
    answered_at: dt.datetime | None


class ComplaintTransferLineOut(Schema):
    at: dt.datetime
    moved: bool = Field(description="moved from the business track (else lodged on the integrity track)")


class ComplaintTrackCountOut(Schema):
    received: int
    concluded: int


class ComplaintMonthOut(Schema):
    month: str
    received: int
    concluded: int


class ComplaintCountsOut(Schema):
    business: ComplaintTrackCountOut
    integrity: ComplaintTrackCountOut
    by_month: list[ComplaintMonthOut]


class ComplaintSettingsIn(Schema):
    reply_days: Days | None = None
    cooperation_days: Days | None = None
    registration_days: Days | None = None
    task_days: Days | None = None


class ComplaintSettingsOut(Schema):
    reply_days: int
    cooperation_days: int
    registration_days: int
    task_days: int
