"""Demo tracking data: plans for the dispatched demo projects and items in every state, some yellow and red.

Called by liaison.web.demo after the intake demo; everything goes through the real services, with
steps back-dated (dates relative to today) so that the lights come out as described.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from liaison.catalogue.models import GuideAssignment
from liaison.core.errors import DomainError
from liaison.deadlines.calendar_policy import reckon
from liaison.directory.models import User
from liaison.intake.models import Assignment, Project
from liaison.intake.people import enterprise_users
from liaison.tracking.lights import light_context
from liaison.tracking.models import ProjectItem, ProjectItemState
from liaison.tracking.services.materials import (
    material_accept,
    material_file_upload,
    material_request_revision,
)
from liaison.tracking.services.obligations import obligation_create
from liaison.tracking.services.plans import plan_confirm, plan_draft_from_entrustment
from liaison.tracking.services.project_items import project_item_request_supplement, project_item_transition
from liaison.tracking.services.proposals import plan_date_propose
from liaison.tracking.services.reminders import reminders_run
from liaison.tracking.services.reschedule import plan_item_reschedule
from liaison.workcal.calendar import add_working_days, is_workday

PDF = b"%PDF-1.4\n% demo material\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class TrackingDemo:
    def __init__(self, admin: User, log: Callable[[str], None]) -> None:
        self.admin, self.log = admin, log
        self.today = timezone.localdate()
        self.ctx = light_context(self.today)

    # --- dates -------------------------------------------------------------------------------
    def workday(self, days_ago: int) -> dt.date:
        """The working day on or before `days_ago` calendar days ago."""
        day = self.today - dt.timedelta(days=days_ago)
        for _n in range(15):
            known, _missing = reckon(lambda: is_workday(day))  # noqa: B023 - called at once
            if known is None or known:
                return day
            day -= dt.timedelta(days=1)
        return day

    def moment(self, day: dt.date, hour: int) -> dt.datetime:
        if day >= self.today:
            return timezone.now()
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))

    def acceptance(
        self, limit: int, *, latest_due: dt.date, earliest_due: dt.date | None = None
    ) -> dt.date | None:
        """The latest working day to accept an item of `limit` days so it falls due in the given window."""
        for back in range(1, 90):
            day = self.today - dt.timedelta(days=back)
            found, _missing = reckon(lambda: (add_working_days(day, limit), is_workday(day)))  # noqa: B023
            if found is None:
                return None
            due, working = found
            if (earliest_due is None or due >= earliest_due) and due <= latest_due and working:
                return day
        return None

    def yellow(self, limit: int) -> dt.date | None:
        """Acceptance day of an item due within the yellow window."""
        return self.acceptance(limit, latest_due=self.ctx.yellow_limit, earliest_due=self.today)

    def red(self, limit: int) -> dt.date | None:
        """Acceptance day of an item a few working days overdue."""
        return self.acceptance(limit, latest_due=self.workday(4))

    # --- people and items --------------------------------------------------------------------
    @staticmethod
    def officer_of(project: Project) -> User:
        return (
            Assignment.objects.select_related("officer__user")
            .get(project=project, is_active=True, role="lead")
            .officer.user
        )

    @staticmethod
    def guide_of(item: ProjectItem) -> User:
        return (
            GuideAssignment.objects.select_related("guide")
            .get(item_id=item.approval_item_id, is_active=True)
            .guide
        )

    @staticmethod
    def item(project: Project, code: str) -> ProjectItem:
        return ProjectItem.objects.select_related("project", "approval_item").get(
            project=project, approval_item__code=code
        )

    def upload_all(self, item: ProjectItem) -> None:
        uploader = enterprise_users(item.project)[0]
        for m in item.materials.filter(required=True, status="missing"):
            upload = SimpleUploadedFile(f"{m.name[:40]}.pdf", PDF, content_type="application/pdf")
            material_file_upload(actor=uploader, submission=m, upload=upload, note="示例材料")

    # --- walking an item through its steps ---------------------------------------------------
    def walk(
        self, project: Project, code: str, accepted: dt.date | None, steps: list[str], *, reason: str = ""
    ) -> ProjectItem:
        """prepare → submit → accept (on `accepted`) → further `steps`, a few working days apart."""
        item = self.item(project, code)
        if accepted is None and steps:  # the calendar cannot place it (a year not entered yet)
            return item
        officer, guide = self.officer_of(project), self.guide_of(item)
        anchor = accepted or self.workday(3)
        plan = [("prepare", anchor - dt.timedelta(days=6)), ("submit", anchor - dt.timedelta(days=2))]
        if accepted is not None:
            plan.append(("accept", accepted))
        plan += [
            (name, min(anchor + dt.timedelta(days=3 * (n + 1)), self.today)) for n, name in enumerate(steps)
        ]
        for hour, (name, day) in enumerate(plan, start=9):
            actor = guide if name in {"accept", "request_supplement", "approve", "reject"} else officer
            at = self.moment(day, min(hour, 17))
            if name == "submit":
                self.upload_all(item)
            if name == "request_supplement":
                project_item_request_supplement(
                    actor=actor,
                    project_item=item,
                    missing=["补充项目总平面图（加盖设计单位出图章）", "提供最新的用地红线图"],
                    due_on=max(day + dt.timedelta(days=7), self.today),
                    at=at,
                )
                continue
            if name == "approve":
                for m in item.materials.filter(status="provided"):
                    material_accept(actor=guide, submission=m)
            project_item_transition(
                actor=actor,
                project_item=item,
                name=name,
                comment=reason if name in {"reject", "mark_not_needed", "withdraw"} else "",
                at=at,
            )
        return item

    def only(self, project: Project, code: str, name: str, reason: str) -> None:
        item = self.item(project, code)
        project_item_transition(
            actor=self.officer_of(project),
            project_item=item,
            name=name,
            comment=reason,
            at=self.moment(self.workday(10), 15),
        )

    def preparing(self, project: Project, code: str) -> ProjectItem:
        item = self.item(project, code)
        project_item_transition(
            actor=self.officer_of(project),
            project_item=item,
            name="prepare",
            at=self.moment(self.workday(5), 9),
        )
        return item

    # --- the three dispatched projects -------------------------------------------------------
    def full_project(self, project: Project) -> None:
        officer = self.officer_of(project)
        plan_draft_from_entrustment(actor=officer, project=project, start_date=self.workday(25))
        plan_confirm(actor=officer, project=project, reason="与项目单位商定的审批进度计划")
        self.walk(project, "DRC-001", self.workday(40), ["approve"])
        self.walk(project, "NRP-001", self.workday(35), ["approve"])
        self.walk(project, "NRP-002", self.red(7), [])
        self.walk(project, "EEB-001", self.yellow(15), [])
        self.walk(project, "WAT-001", self.workday(20), ["request_supplement"])
        self.walk(project, "FOR-001", self.workday(12), ["request_supplement", "resubmit"])
        self.walk(project, "CUL-001", None, [])
        self.preparing(project, "DRC-003")
        self.only(project, "DRC-002", "mark_not_needed", "项目属备案类，无需核准。")
        self.only(project, "EMB-001", "mark_not_needed", "项目不涉及危险化学品生产、储存。")
        self.only(project, "TRA-001", "withdraw", "管线改由市政统一敷设，撤回申请。")
        if self.delay_one_item(project, officer):
            plan_confirm(actor=officer, project=project, reason="施工图设计延期两周，施工许可相应顺延")
        obligation_create(
            actor=officer,
            project=project,
            kind="fee",
            title="缴纳城市基础设施配套费",
            due_on=self.ctx.yellow_limit,
            details="凭缴费通知书到区政务服务中心一楼银行窗口缴纳。",
        )

    def delay_one_item(self, project: Project, officer: Any) -> bool:
        """Move HCD-004 (or, near the year's end when its dates would leave the calendar, the next planned
        item that can move) two weeks later: what makes version 2 of the plan."""
        planned = ProjectItem.objects.filter(
            project=project, state=ProjectItemState.PLANNED, planned_start__isnull=False
        ).select_related("project", "approval_item")
        ranked = sorted(planned, key=lambda i: (i.approval_item.code != "HCD-004", i.planned_start, i.pk))
        for item in ranked:
            planned_start = item.planned_start
            if planned_start is None:  # filtered out above; for the type checker
                continue
            for days in (14, 7, 1):
                start = planned_start + dt.timedelta(days=days)
                try:
                    preview = plan_item_reschedule(actor=officer, project_item=item, planned_start=start)
                except DomainError:
                    continue
                if preview and all(c.new_start and c.new_due for c in preview):  # within the calendar
                    plan_item_reschedule(actor=officer, project_item=item, planned_start=start, confirm=True)
                    return True
        return False

    def partial_project(self, project: Project) -> None:
        officer = self.officer_of(project)
        plan_draft_from_entrustment(actor=officer, project=project, start_date=self.workday(10))
        plan_confirm(actor=officer, project=project)
        self.walk(project, "NRP-003", self.workday(30), ["approve"])
        self.walk(project, "NRP-004", self.yellow(7), [])
        self.walk(project, "CAD-001", self.red(7), [])
        self.walk(
            project,
            "CAD-002",
            self.workday(25),
            ["reject"],
            reason="项目具备修建防空地下室条件，不予易地建设。",
        )
        hcd = self.preparing(project, "HCD-001")
        self.upload_all(hcd)
        first = hcd.materials.filter(status="provided").first()
        if first is not None:
            material_request_revision(
                actor=self.guide_of(hcd),
                submission=first,
                reason="图纸缺少设计单位出图章，请补盖后重新上传。",
            )
        met = self.item(project, "MET-001")
        if met.planned_start:
            plan_date_propose(
                actor=self.guide_of(met),
                project_item=met,
                proposed_start=met.planned_start + dt.timedelta(days=7),
                reason="防雷设计审核需等待施工图审查意见，建议顺延一周。",
            )

    def items_project(self, project: Project) -> None:
        officer = self.officer_of(project)
        plan_draft_from_entrustment(actor=officer, project=project, start_date=self.workday(10))
        plan_confirm(actor=officer, project=project)
        self.walk(project, "DRC-001", self.workday(38), ["approve"])
        self.walk(project, "NRP-001", self.workday(12), ["request_supplement"])
        obligation_create(
            actor=officer,
            project=project,
            kind="attendance",
            title="法定代表人到自然资源分局窗口现场签字确认",
            due_on=self.today + dt.timedelta(days=1),
        )

    def build(self) -> None:
        builders: dict[str, Callable[[Project], None]] = {
            "滇池星城二期商业综合体": self.full_project,
            "翠湖智造研发中心": self.partial_project,
            "五华区城市更新示范片区配套工程": self.items_project,
        }
        for name, build in builders.items():
            project = Project.objects.filter(name=name).first()
            if project is None:
                continue
            try:
                build(project)
            except DomainError as exc:  # e.g. the calendar of a year not entered yet: the rest still loads
                self.log(f"tracking demo: {name}: {exc.message}")
        run = reminders_run(today=self.today)
        self.log(
            f"tracking: {ProjectItem.objects.count()} project items in plans, {run.sent} reminders sent, "
            f"{run.calendar_problems} items waiting for next year's calendar"
        )


def build_tracking_demo(admin: User, log: Callable[[str], None]) -> None:
    """Plans for the dispatched demo projects, items in every state (some yellow and red), materials, to-dos."""
    TrackingDemo(admin, log).build()


__all__ = ["build_tracking_demo"]
