"""Data for the consultation tests, built through the real services. This module holds no tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from liaison.catalogue.models import ApprovalItem
from liaison.consultations.models import Consultation
from liaison.consultations.services.consultations import consultation_raise
from liaison.consultations.services.replies import MaterialLine, ReplyForm
from liaison.directory.models import User
from liaison.intake.models import Project
from liaison.intake.tests.test_services_support import World
from liaison.tracking.models import ProjectItem


@dataclass
class Desk:
    """A dispatched project with a plan: item DRC-A (guide), item NRB-X in another department (other_guide)."""

    world: World
    project: Project
    item: ApprovalItem
    other_item: ApprovalItem
    other_guide: User
    other_department_admin: User

    @property
    def officer(self) -> User:
        return self.world.officer_user

    @property
    def guide(self) -> User:
        return self.world.guide

    def project_item(self, item: ApprovalItem | None = None) -> ProjectItem:
        return ProjectItem.objects.get(project=self.project, approval_item=item or self.item)

    def raise_(self, **overrides: Any) -> Consultation:
        fields: dict[str, Any] = {
            "subject": "用地规划许可办理咨询",
            "situation": "项目已取得土地，拟申请建设用地规划许可。",
            "requests": "请告知需要准备的全部材料和办理时限。",
            "channel": "phone",
            "project_items": [self.project_item()],
        }
        fields.update(overrides)
        return consultation_raise(actor=self.officer, project=self.project, **fields)


def reply_form(**overrides: Any) -> ReplyForm:
    fields: dict[str, Any] = {
        "opinion": "符合办理条件，请按清单准备材料后申报。",
        "legal_basis": "《中华人民共和国城乡规划法》第三十七条",
        "conditions": ["已取得国有土地使用权", "符合控制性详细规划"],
        "materials": [
            MaterialLine(name="建设用地规划许可申请表", form="original", copies=1, issuing_body="项目单位"),
            MaterialLine(
                name="国有土地使用权出让合同", form="copy", copies=2, how_to_obtain="自然资源局档案室"
            ),
        ],
        "procedure": "申请—受理—审查—决定—送达",
        "time_limit": "受理后5个工作日",
        "fees": "不收费",
        "contact": "区政务服务中心二楼 12 号窗口，张工 0871-12345678",
        "signer_name": "指导员甲",
        "signer_post": "科员",
    }
    fields.update(overrides)
    return ReplyForm(**fields)
