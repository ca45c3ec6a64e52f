"""Demo services at their end, through the same services the product uses: one completed with a full
handover list prepared from its custody register (an original handed back, a copy kept with its reason, a
document lent to a department and given back), one waiting for the enterprise's receipt, one waiting for the centre to confirm a
termination, one terminated at the enterprise's request and one terminated by the centre."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import timezone

from liaison.catalogue.models import ApprovalItem
from liaison.closure.services.completion import (
    service_confirm_completion,
    service_confirm_receipt,
    service_prepare_completion,
)
from liaison.closure.services.custody import custody_entry_add, custody_entry_move, custody_fields_clean
from liaison.closure.services.termination import service_confirm_termination, service_request_termination
from liaison.directory.models import User
from liaison.intake.models import Currency, InvestmentSource, InvestorNature, KeyProjectLevel, Project
from liaison.intake.services.dispatch import assignment_dispatch
from liaison.intake.services.entrustments import entrustment_save_draft, entrustment_submit
from liaison.intake.services.projects import project_create
from liaison.intake.services.review import entrustment_accept
from liaison.officers.models import Officer
from liaison.tracking.models import ProjectItem
from liaison.tracking.services.plans import plan_draft_from_entrustment
from liaison.tracking.services.project_items import project_item_mark_not_needed

SCOPE = ("NRP-001", "NRP-002")
LINES = [
    {
        "name": "建设项目用地预审与选址意见书",
        "issuer": "昆明市自然资源和规划局",
        "number": "用字第530102202600088号",
        "pages": 3,
    },
    {
        "name": "建设用地规划许可证",
        "issuer": "昆明市自然资源和规划局",
        "number": "地字第530102202600102号",
        "pages": 2,
    },
    {
        "name": "项目单位提供的营业执照（复印件）",
        "original": False,
        "copies": 2,
        "pages": 1,
        "handed_over": False,
        "not_handed_reason": "复印件已随申报材料由审批部门存档",
    },
]
KEPT_REASON = "复印件已随申报材料由审批部门存档"


def _register(project: Project, officer: User) -> dict[int, str]:
    """The documents the enterprise handed to the officer, one of them lent to a department and back;
    returns the entries kept back with their reason (for the handover list)."""
    land = custody_entry_add(
        actor=officer,
        project=project,
        fields=custody_fields_clean(
            {
                "kind": "original",
                "name": "国有土地使用证（原件）",
                "issuer": "昆明市自然资源和规划局",
                "pages": 2,
            }
        ),
        received_on=timezone.localdate() - dt.timedelta(days=20),
    )
    custody_entry_move(
        actor=officer,
        entry=land,
        name="lend",
        on=timezone.localdate() - dt.timedelta(days=15),
        counterpart="昆明市自然资源和规划局五华分局",
        note="用地预审核验原件",
    )
    custody_entry_move(
        actor=officer, entry=land, name="give_back", on=timezone.localdate() - dt.timedelta(days=12)
    )
    copy = custody_entry_add(
        actor=officer,
        project=project,
        fields=custody_fields_clean({"kind": "copy", "name": "营业执照（复印件）", "copies": 2, "pages": 1}),
    )
    return {copy.pk: KEPT_REASON}


def _served(applicant: User, admin: User, officer: Officer, name: str) -> Project:
    """A small project entrusted, accepted, dispatched and planned."""
    project = project_create(
        actor=applicant,
        name=name,
        location="昆明市五华区",
        content="新建建筑面积约1.5万平方米。",
        total_investment=Decimal("30000000.00"),
        currency=Currency.CNY,
        investor_nature=InvestorNature.ENTERPRISE,
        investment_source=InvestmentSource.DOMESTIC,
        key_level=KeyProjectLevel.NONE,
        current_stage="approval_land",
    )
    items = list(ApprovalItem.objects.filter(code__in=SCOPE).values_list("pk", flat=True))
    entrustment = entrustment_save_draft(actor=applicant, project=project, scope="partial", item_ids=items)
    entrustment_submit(actor=applicant, entrustment=entrustment, accept_terms=True)
    entrustment_accept(actor=admin, entrustment=entrustment)
    assignment_dispatch(actor=admin, project=project, lead=officer)
    start = timezone.localdate() - dt.timedelta(days=30)
    plan_draft_from_entrustment(actor=officer.user, project=project, start_date=start)
    return project


def _finish(project: Project, officer: User) -> None:
    for item in ProjectItem.objects.filter(project=project):
        project_item_mark_not_needed(actor=officer, project_item=item, reason="示例：该事项已由其他途径办结")


def build_closure_demo(admin: User, log: Callable[[str], None]) -> None:
    a1, a2 = User.objects.get(username="applicant1"), User.objects.get(username="applicant2")
    officer = Officer.objects.filter(user__username="officer1").select_related("user").first()
    if officer is None or not ApprovalItem.objects.filter(code__in=SCOPE).exists():
        log("closure: no officer1 or no catalogue items; no services ended")
        return
    made: dict[str, Any] = {}

    p = _served(a1, admin, officer, "星城社区卫生服务中心（示例：已办结）")
    kept = _register(p, officer.user)
    _finish(p, officer.user)
    service_prepare_completion(
        actor=officer.user, project=p, lines=LINES[:2], kept=kept, note="全部事项已办结，资料已整理移交。"
    )
    service_confirm_receipt(actor=a1, project=p, comment="已收到清单所列资料。")
    made["completed"] = service_confirm_completion(actor=admin, project=p, comment="办结手续齐全。")

    p = _served(a2, admin, officer, "翠湖研发楼配套停车场（示例：待确认移交）")
    _finish(p, officer.user)
    made["prepared"] = service_prepare_completion(actor=officer.user, project=p, lines=LINES[:2])

    p = _served(a1, admin, officer, "星城商业街改造（示例：申请终止）")
    made["requested"] = service_request_termination(
        actor=a1, project=p, reason="enterprise_request", note="项目投资计划调整，拟暂缓建设。"
    )

    p = _served(a2, admin, officer, "翠湖员工宿舍（示例：企业申请终止）")
    service_request_termination(
        actor=a2, project=p, reason="enterprise_request", note="企业决定自行办理后续手续。"
    )
    made["terminated_by_enterprise"] = service_confirm_termination(
        actor=admin, project=p, comment="同意终止。"
    )

    p = _served(a1, admin, officer, "星城地下综合管廊（示例：中心终止）")
    service_request_termination(
        actor=admin, project=p, reason="conditions_lacking", note="项目用地规划条件调整，暂不具备办结条件。"
    )
    made["terminated_by_centre"] = service_confirm_termination(actor=admin, project=p)

    Project.objects.filter(pk__in=[s.project_id for s in made.values()]).update(is_sample=True)
    log(f"closure: {len(made)} services at their end ({', '.join(sorted(made))})")
