"""Request bodies and filters of /api/v1/consultations. Choices arrive as text so the services answer in Chinese."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from liaison.core.bounds import Count, Days, Id, IdList


class ConsultationFilterIn(Schema):
    state: str = Field(default="", max_length=20, description='A state, or "pending" (waiting on a guide)')
    light: str = Field(default="", max_length=10, description="red, yellow, unknown, green or none")
    department: Id | None = Field(default=None, description="Department id (of the item concerned)")
    project: Id | None = Field(default=None, description="Project id")


class ConsultationRaiseIn(Schema):
    project_id: Id
    subject: str
    situation: str
    requests: str
    channel: str = Field(description="accompanied_visit, visit, phone or online")
    approval_item: Id | None = Field(
        default=None, description="Approval item id; defaults to the first project item's"
    )
    project_items: IdList = Field(default=[], description="Ids of the project's items concerned")
    held_on: dt.date | None = Field(default=None, description="A visit or call already held: its date")
    participants: str = ""
    contact_notes: str = ""
    wanted_reply_by: dt.date | None = None


class ForwardIn(Schema):
    to_item: Id = Field(description="Id of the approval item the matter belongs to; its guide receives it")
    note: str


class ReplyMaterialIn(Schema):
    name: str
    form: str = Field(default="original", description="original, copy, both or electronic")
    copies: Count = 1
    issuing_body: str = ""
    how_to_obtain: str = ""
    required: bool = True


class ReplyIn(Schema):
    """The opinion-reply form (Attachment 3) as a complete one-time notification."""

    opinion: str
    legal_basis: str
    conditions: list[str]
    materials: list[ReplyMaterialIn] = []
    procedure: str
    time_limit: str
    fees: str
    contact: str
    joint_handling: str = ""
    obstacles: str = ""
    remedies: str = ""
    signer_name: str
    signer_post: str
    signed_on: dt.date | None = None
    supplementary_reason: str = Field(
        default="", description="Needed when the reply adds a material or condition not told before"
    )


class RelayIn(Schema):
    text: str = Field(default="", description="Plain-language version; the opinion as replied if empty")


class FollowUpIn(Schema):
    action: str


class NoteIn(Schema):
    note: str = ""


class ConsultationReasonIn(Schema):
    reason: str


class SettingsIn(Schema):
    reply_days: Days
    yellow_threshold_days: Days
    overdue_repeat_days: Days
