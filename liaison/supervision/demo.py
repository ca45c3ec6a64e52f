"""Demo inspections, through the product's services: one in each state — an officer's inspection still
open, a project's rectification under way, a department's report waiting for review, and a guide's
inspection closed after its rectification was accepted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Exists, OuterRef

from liaison.directory.models import Department, User
from liaison.directory.roles import Role
from liaison.intake.models import Assignment, Project
from liaison.intake.people import department_admins, project_officers
from liaison.officers.models import Officer
from liaison.supervision.models import SubjectType
from liaison.supervision.services.inspections import (
    inspection_close,
    inspection_open,
    inspection_report,
    inspection_require_rectification,
)


def build_supervision_demo(admin: Any, log: Callable[[str], None]) -> None:
    supervisor = User.objects.filter(memberships__role=Role.SUPERVISOR).order_by("pk").first()
    if supervisor is None:
        return
    officer = Officer.objects.select_related("user").order_by("number").first()
    served = Assignment.objects.filter(project=OuterRef("pk"), is_active=True)
    project = Project.objects.filter(Exists(served), service_number__isnull=False).order_by("pk").first()
    departments = [
        d
        for d in Department.objects.filter(is_active=True).order_by("sort_order", "code")
        if department_admins(d.pk)
    ]
    guide = (
        User.objects.filter(memberships__role=Role.GUIDE, department__in=departments, is_active=True)
        .order_by("pk")
        .first()
    )
    made = 0
    if officer is not None:
        inspection_open(
            actor=supervisor,
            subject_type=SubjectType.OFFICER,
            subject_id=officer.pk,
            title="联络官服务纪律抽查",
            findings="抽查近期服务记录，正在核对项目单位反馈。",
        )
        made += 1
    if project is not None and project_officers(project):
        i = inspection_open(
            actor=supervisor,
            subject_type=SubjectType.PROJECT,
            subject_id=project.pk,
            title="项目代办服务过程检查",
            findings="部分事项材料补正往返次数较多，一次性告知不到位。",
        )
        inspection_require_rectification(
            actor=supervisor, inspection_id=i.pk, asked="梳理材料清单，落实一次性告知。", rectify_days=10
        )
        made += 1
    if departments:
        department = departments[-1]
        i = inspection_open(
            actor=supervisor,
            subject_type=SubjectType.DEPARTMENT,
            subject_id=department.pk,
            title="部门意见回复时效检查",
            findings="个别咨询答复超过规定时限。",
        )
        inspection_require_rectification(
            actor=supervisor, inspection_id=i.pk, asked="建立答复时限台账并说明原因。", rectify_days=5
        )
        inspection_report(
            actor=department_admins(department.pk)[0],
            inspection_id=i.pk,
            report="已建立台账，逐件说明超时原因。",
        )
        made += 1
    if guide is not None and guide.department_id is not None:
        i = inspection_open(
            actor=supervisor,
            subject_type=SubjectType.GUIDE,
            subject_id=guide.pk,
            title="专职指导员履职检查",
            findings="指导记录不完整。",
        )
        inspection_require_rectification(
            actor=supervisor, inspection_id=i.pk, asked="补齐指导记录。", rectify_days=5
        )
        inspection_report(
            actor=department_admins(guide.department_id)[0], inspection_id=i.pk, report="已补齐指导记录。"
        )
        inspection_close(actor=supervisor, inspection_id=i.pk, conclusion="整改到位，予以办结。")
        made += 1
    log(f"supervision: {made} inspections")
