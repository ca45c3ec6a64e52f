"""What /api/v1/consultations returns (the request bodies are in inputs.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema

from liaison.consultations.lights import LIGHT_LABELS


class _RowFields(Schema):
    id: int
    number: str
    subject: str
    project_id: int
    project_name: str
    approval_item_id: int
    item_code: str
    item_name: str
    department_id: int
    department_name: str
    channel: str
    channel_label: str
    state: str
    state_label: str
    light: str
    light_label: str
    reply_due: dt.date | None
    wanted_reply_by: dt.date | None
    raised_at: dt.datetime
    first_replied_at: dt.datetime | None
    guide_id: int
    guide_name: str
    first_contact_id: int
    first_contact_name: str
    raised_by_name: str


class ConsultationRowOut(_RowFields):
    """A list line; resolvers read the list selector's select_related, so a page costs a fixed number of queries."""

    @staticmethod
    def resolve_project_name(obj: Any) -> str:
        return str(obj.project.name)

    @staticmethod
    def resolve_item_code(obj: Any) -> str:
        return str(obj.approval_item.code)

    @staticmethod
    def resolve_item_name(obj: Any) -> str:
        return str(obj.approval_item.name)

    @staticmethod
    def resolve_department_id(obj: Any) -> int:
        return int(obj.approval_item.department_id)

    @staticmethod
    def resolve_department_name(obj: Any) -> str:
        return str(obj.approval_item.department.name)

    @staticmethod
    def resolve_channel_label(obj: Any) -> str:
        return str(obj.get_channel_display())

    @staticmethod
    def resolve_state_label(obj: Any) -> str:
        return str(obj.get_state_display())

    @staticmethod
    def resolve_light_label(obj: Any) -> str:
        return str(LIGHT_LABELS.get(obj.light, ""))

    @staticmethod
    def resolve_guide_name(obj: Any) -> str:
        return str(obj.guide.display_name)

    @staticmethod
    def resolve_first_contact_name(obj: Any) -> str:
        return str(obj.first_contact.display_name)

    @staticmethod
    def resolve_raised_by_name(obj: Any) -> str:
        return str(obj.raised_by.display_name)


class NamedOut(Schema):
    id: int
    code: str
    name: str


class TransitionOut(Schema):
    name: str
    label: str


class ForwardingOut(Schema):
    id: int
    from_guide: str
    from_item: NamedOut
    from_department: str
    to_guide: str
    to_item: NamedOut
    to_department: str
    note: str
    automatic: bool
    forwarded_at: dt.datetime
    accepted_at: dt.datetime | None


class ConsultationEventOut(Schema):
    kind: str
    kind_label: str
    actor: str
    note: str
    at: dt.datetime


class ReplyMaterialOut(Schema):
    seq: int
    name: str
    form: str
    form_label: str
    copies: int
    issuing_body: str
    how_to_obtain: str
    required: bool
    submission_id: int | None


class ReplyOut(Schema):
    id: int
    consultation_id: int
    seq: int
    project_id: int
    approval_item: NamedOut
    department: str
    guide: str
    opinion: str
    legal_basis: str
    conditions: list[str]
    materials: list[ReplyMaterialOut]
    procedure: str
    time_limit: str
    fees: str
    contact: str
    joint_handling: str
    obstacles: str
    remedies: str
    signer_name: str
    signer_post: str
    signed_on: dt.date
    replied_at: dt.datetime
    on_time: bool
    is_supplementary: bool
    supplementary_reason: str
    added_entries: list[str]


class ReceiptOut(Schema):
    user: str
    relay_seq: int
    read_at: dt.datetime


class FollowUpOut(Schema):
    id: int
    officer: str
    action: str
    at: dt.datetime


class ConsultationDetailOut(_RowFields):
    enterprise_name: str
    situation: str
    requests: str
    held_on: dt.date | None
    participants: str
    contact_notes: str
    calendar_problem_year: int | None
    relayed_text: str
    relayed_at: dt.datetime | None
    relayed_by_name: str
    relay_count: int
    closed_at: dt.datetime | None
    end_note: str
    project_items: list[NamedOut]
    roles: list[str]
    transitions: list[TransitionOut]
    can_urge: bool
    can_confirm_read: bool
    can_follow_up: bool
    awaiting_acceptance: ForwardingOut | None
    chain: list[ForwardingOut]
    events: list[ConsultationEventOut]
    replies: list[ReplyOut]
    receipts: list[ReceiptOut]
    follow_ups: list[FollowUpOut]


class ConsultationRecordOut(Schema):
    id: int | None
    name: str
    department: str
    first_replies: int
    on_time: int
    on_time_rate: float | None
    supplementary: int
    average_hours: float | None
    open_now: int
    overdue_now: int


class DepartmentLightsOut(Schema):
    department: str
    lights: dict[str, int]


class ConsultationOverviewOut(Schema):
    today: dt.date
    by_department: list[DepartmentLightsOut]
    totals: dict[str, int]


class SettingsOut(Schema):
    reply_days: int
    yellow_threshold_days: int
    overdue_repeat_days: int
