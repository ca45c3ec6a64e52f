"""Data for the tracking tests, built through the real services. This module holds no tests."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile

from liaison.catalogue.models import ApprovalItem
from liaison.catalogue.services.guides import guide_assign
from liaison.catalogue.services.items import item_create
from liaison.directory.models import Department, User
from liaison.intake.models import Project
from liaison.intake.tests.test_services_support import World, make_project, request_in
from liaison.officers.models import Officer
from liaison.tracking.models import MaterialStatus, ProjectItem, ServicePlan
from liaison.tracking.services.materials import material_file_upload
from liaison.tracking.services.plans import plan_draft_from_entrustment
from liaison.tracking.services.project_items import (
    project_item_accept,
    project_item_approve,
    project_item_mark_not_needed,
    project_item_prepare,
    project_item_reject,
    project_item_request_supplement,
    project_item_resubmit,
    project_item_submit,
    project_item_withdraw,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
GUIDE_FROM = dt.date(2025, 1, 2)
_files = itertools.count(1)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    """A moment on `day` in the centre's time zone (for back-dated steps)."""
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


def pdf(name: str = "", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or f"材料{next(_files)}.pdf", content, content_type="application/pdf")


def material(name: str, required: bool = True) -> dict[str, Any]:
    return {"name": name, "form": "copy", "copies": 1, "required": required, "issuing_body": "", "notes": ""}


def make_catalogue_item(
    admin: User,
    department: Department,
    code: str,
    *,
    stage: str = "approval_land",
    limit: int = 5,
    prerequisites: tuple[ApprovalItem, ...] = (),
    guide: User | None = None,
    materials: list[dict[str, Any]] | None = None,
) -> ApprovalItem:
    item = item_create(
        actor=admin,
        code=code,
        name=f"事项{code}",
        department=department,
        stage=stage,
        time_limit_days=limit,
        materials=materials
        if materials is not None
        else [material(f"{code}申请表"), material(f"{code}附件", False)],
        prerequisite_ids=[p.pk for p in prerequisites],
    )
    if guide is not None:
        guide_assign(actor=admin, item=item, guide=guide, effective_date=GUIDE_FROM, reason="初次登记备案")
    return item


def dispatched_project(world: World, *, officer: Officer | None = None, **fields: Any) -> Project:
    project = make_project(world.applicant, **fields)
    request_in(
        "accepted",
        applicant=world.applicant,
        admin=world.center_admin,
        project=project,
        officer=officer or world.officer,
    )
    return project


def draft(world: World, project: Project, start: dt.date) -> ServicePlan:
    return plan_draft_from_entrustment(actor=world.officer_user, project=project, start_date=start)


def item_of(project: Project, code: str) -> ProjectItem:
    return ProjectItem.objects.select_related("approval_item", "project").get(
        project=project, approval_item__code=code
    )


def provide_materials(actor: User, item: ProjectItem) -> None:
    """Upload a file for every required material still missing or needing revision."""
    for m in item.materials.filter(required=True).exclude(status=MaterialStatus.ACCEPTED):
        if m.status != MaterialStatus.PROVIDED:
            material_file_upload(actor=actor, submission=m, upload=pdf())


@dataclass
class Driver:
    """Brings a project item to a state through the services, optionally on given days."""

    officer: User
    guide: User
    applicant: User
    days: list[dt.date] = field(default_factory=list)

    def _at(self) -> dt.datetime | None:
        return at(self.days.pop(0)) if self.days else None

    def to(self, item: ProjectItem, state: str) -> ProjectItem:  # noqa: PLR0911 - one exit per state
        o, g = self.officer, self.guide
        if state == "planned":
            return item
        if state == "not_needed":
            return project_item_mark_not_needed(actor=o, project_item=item, reason="已取得", at=self._at())
        item = project_item_prepare(actor=o, project_item=item, at=self._at())
        if state == "preparing":
            provide_materials(self.applicant, item)
            return item
        if state == "withdrawn":
            return project_item_withdraw(actor=o, project_item=item, reason="方案调整", at=self._at())
        provide_materials(self.applicant, item)
        item = project_item_submit(actor=o, project_item=item, at=self._at())
        if state == "submitted":
            return item
        item = project_item_accept(actor=g, project_item=item, at=self._at())
        if state == "accepted":
            return item
        if state == "approved":
            return project_item_approve(actor=g, project_item=item, at=self._at())
        if state == "not_approved":
            return project_item_reject(actor=g, project_item=item, reason="不符合条件", at=self._at())
        item = project_item_request_supplement(
            actor=g, project_item=item, missing=["补充说明"], at=self._at()
        )
        if state == "supplement_requested":
            return item
        item = project_item_resubmit(actor=o, project_item=item, at=self._at())
        if state == "resubmitted":
            return item
        raise AssertionError(state)
