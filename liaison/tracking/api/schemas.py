"""Shapes of the tracking API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from liaison.core.bounds import Id
from liaison.tracking.selectors.rows import ItemRow


class ProjectItemOut(Schema):
    id: int
    project_id: int
    project: str
    code: str
    name: str
    department: str
    stage: str
    order: int
    state: str
    state_label: str
    light: str
    light_label: str
    remaining_days: int | None
    guide: str
    limit_days: int
    planned_start: dt.date | None
    planned_due: dt.date | None
    due_on: dt.date | None
    materials_total: int
    materials_ready: int
    actions: list[str]
    result_name: str
    result_number: str
    result_issuer: str
    result_issued_on: dt.date | None


def item_out(row: ItemRow) -> dict[str, Any]:
    i = row.item
    return {
        "id": i.pk,
        "project_id": i.project_id,
        "project": i.project.name,
        "code": i.approval_item.code,
        "name": i.approval_item.name,
        "department": i.approval_item.department.name,
        "stage": i.stage,
        "order": i.order,
        "state": i.state,
        "state_label": i.get_state_display(),
        "light": row.light,
        "light_label": row.light_label,
        "remaining_days": row.remaining_days,
        "guide": row.guide_name,
        "limit_days": i.limit_days,
        "planned_start": i.planned_start,
        "planned_due": i.planned_due,
        "due_on": i.due_on,
        "materials_total": row.materials_total,
        "materials_ready": row.materials_ready,
        "actions": [t.name for t in row.actions],
        "result_name": i.result_name,
        "result_number": i.result_number,
        "result_issuer": i.result_issuer,
        "result_issued_on": i.result_issued_on,
    }


class ResultIn(Schema):
    """An approved item's result document (the scan is uploaded on the item's page)."""

    name: str = Field(default="", max_length=200)
    number: str = Field(max_length=80)
    issuer: str = Field(max_length=120)
    issued_on: dt.date


class TransitionIn(Schema):
    name: str
    comment: str = ""
    missing: list[str] = []
    due_on: dt.date | None = None
    result: ResultIn | None = Field(default=None, description="required with name=approve")


class StageOut(Schema):
    stage: str
    label: str
    planned_end: dt.date | None
    projected_end: dt.date | None
    items: list[ProjectItemOut]


class PlanOut(Schema):
    project_id: int
    drafted: bool
    start_date: dt.date | None
    current_version: int
    changed_since_version: bool
    planned_end: dt.date | None
    projected_end: dt.date | None
    partial: bool
    can_edit: bool
    stages: list[StageOut]
    links: list[tuple[int, int]]


class DraftIn(Schema):
    start_date: dt.date


class ConfirmIn(Schema):
    reason: str = ""


class VersionOut(Schema):
    number: int
    reason: str
    created_at: dt.datetime
    completion: str | None


class PlanItemIn(Schema):
    approval_item_id: Id


class RescheduleIn(Schema):
    planned_start: dt.date
    confirm: bool = False


class DateChangeOut(Schema):
    project_item_id: int
    code: str
    name: str
    old_start: dt.date | None
    old_due: dt.date | None
    new_start: dt.date | None
    new_due: dt.date | None


class EntryOut(Schema):
    at: dt.datetime
    text: str


class StageTimelineOut(Schema):
    stage: str
    label: str
    entries: list[EntryOut]
    next_steps: list[str]


class TimelineOut(Schema):
    general: list[EntryOut]
    stages: list[StageTimelineOut]
    to_do: list[str]


class FileOut(Schema):
    id: int
    version: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: dt.datetime


class ProjectMaterialOut(Schema):
    id: int
    seq: int
    name: str
    status: str
    revision_reason: str
    file_count: int


class RevisionIn(Schema):
    reason: str
    due_on: dt.date | None = None


class OfficerLoadOut(Schema):
    number: str
    name: str
    projects: int
    open_items: int
    lights: dict[str, int]


class TrackingOverviewOut(Schema):
    today: dt.date
    by_stage: dict[str, dict[str, int]]
    overdue_by_department: list[tuple[str, int]]
    officers: list[OfficerLoadOut]
    items: dict[str, int]
