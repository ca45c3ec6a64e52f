"""Demo difficulties on the dispatched demo projects, one in every state of the escalation path
(Art. 18–19). Called by liaison.web.demo after the consultations demo; every step goes through the
services, as the people in the demo would take it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from liaison.coordination.models import Difficulty
from liaison.coordination.services.difficulties import difficulty_raise, difficulty_step
from liaison.coordination.services.reminders import difficulty_reminders_run
from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import Assignment, AssignmentRole

# title, description, analysis, proposal, the steps after raising: (who, step, comment, category)
SCENARIOS: list[tuple[str, str, str, str, list[tuple[str, str, str, str]]]] = [
    (
        "施工图审查意见多轮反复",
        "审图机构已出具三轮意见，每轮均提出新的问题，企业无法确定最终修改范围。",
        "审图机构未按一次性告知要求出具意见。",
        "请审图机构一次性告知全部修改意见。",
        [],
    ),
    (
        "供水接入方案与规划条件不一致",
        "供水公司给出的接入点位于规划道路红线外，与规划条件附图不一致。",
        "供水专项规划与控规附图更新不同步。",
        "请中心协调自然资源局与供水公司现场核对。",
        [("officer", "report", "已与供水公司和规划分局分别沟通，双方各执一词，需中心协调。", "")],
    ),
    (
        "省重点项目需压缩施工许可办理时间",
        "项目列入省重点建设项目，计划12月底前开工，按现有时限施工许可将晚于计划。",
        "按串联审批测算，施工许可将晚于计划开工日约一个月。",
        "提请区项目办协调并联审批、容缺受理。",
        [
            ("officer", "report", "企业已提交开工计划，需加快施工许可。", ""),
            (
                "centre",
                "escalate",
                "已收集省重点项目文件、开工计划和各事项办理进度。",
                "key_project_acceleration",
            ),
            ("leader", "approve_escalation", "同意提交区项目办。", ""),
            ("office", "progress", "已列入下周区重点项目推进会议议题。", ""),
        ],
    ),
    (
        "人防与消防验收先后顺序不明确",
        "人防主管部门与消防救援机构对验收先后意见不一，项目无法安排竣工验收。",
        "两部门依据的文件对联合验收的牵头部门规定不一致，属职责交叉。",
        "请明确验收顺序和牵头部门。",
        [
            ("officer", "report", "两部门意见已书面收集。", ""),
            ("centre", "escalate", "附两部门书面意见。", "overlapping_duties"),
            ("leader", "approve_escalation", "同意提交，请项目办协调明确牵头部门。", ""),
            ("office", "conclude", "推进会议明确：先人防后消防，住建局牵头组织联合验收。", ""),
        ],
    ),
    (
        "征收补偿未完成影响供地",
        "地块内两户征收补偿协议未签订，土地无法按期交付，用地规划许可无法办理。",
        "征收工作由街道实施，进度不在审批部门职能范围内。",
        "提请区项目办协调街道和自然资源局加快征收、明确交地时间。",
        [
            ("officer", "report", "已与街道、自然资源局沟通，需更高层级协调。", ""),
            ("centre", "escalate", "已收集征收进度表和企业投资协议。", "other"),
        ],
    ),
    (
        "用地规划许可与土地出让合同面积不一致",
        "出让合同面积与规划条件面积相差0.3亩，规划许可无法核发。",
        "出让合同采用测绘面积，规划条件采用设计面积。",
        "请自然资源局内部核对并出具说明。",
        [
            ("officer", "report", "需中心协调自然资源局两个科室。", ""),
            ("centre", "centre_resolve", "经中心协调，自然资源局已出具面积说明，按出让合同面积核发。", ""),
        ],
    ),
    (
        "企业对环评分类存在疑问",
        "企业认为项目应编制报告表而非报告书。",
        "企业对名录中行业类别的理解与生态环境部门不同。",
        "与生态环境分局指导员对照环评分类管理名录核实。",
        [("officer", "resolve", "与生态环境分局指导员当面核对名录，确认为报告表，企业无异议。", "")],
    ),
    (
        "地下车库出入口与市政道路开口冲突",
        "车库出入口距交叉口不足规范距离，交警部门不同意开口。",
        "总平面设计未核对道路开口间距要求。",
        "请企业调整总平面布置，将出入口移至次干道。",
        [("officer", "withdraw", "企业已调整总平面，将出入口移至次干道，问题不再存在。", "")],
    ),
]


def build_coordination_demo(admin: User, log: Callable[[str], None]) -> None:
    office = User.objects.filter(memberships__role=Role.PROJECT_OFFICE).order_by("pk").first()
    leader = User.objects.filter(memberships__role=Role.CENTER_LEADER).order_by("pk").first()
    leads = list(
        Assignment.objects.filter(
            is_active=True, role=AssignmentRole.LEAD, project__tracking_items__isnull=False
        )
        .select_related("project", "officer__user")
        .order_by("project_id")
        .distinct()
    )
    if not leads or office is None or leader is None:
        log("coordination: no planned project or no project office account; no difficulties")
        return
    states = set()
    for n, (title, description, analysis, proposal, steps) in enumerate(SCENARIOS):
        lead = leads[n % len(leads)]
        people: dict[str, Any] = {
            "officer": lead.officer.user,
            "centre": admin,
            "leader": leader,
            "office": office,
        }
        d = difficulty_raise(
            actor=people["officer"],
            project=lead.project,
            title=title,
            description=description,
            analysis=analysis,
            proposal=proposal,
        )
        for who, name, comment, category in steps:
            d = difficulty_step(
                actor=people[who], difficulty=d, name=name, comment=comment, category=category
            )
        states.add(d.state)
    # Demo only: the report of the water-connection difficulty is backdated so that its deadline has
    # passed (a red light and the centre's reminder show); the audit trail keeps the real times.
    late = Difficulty.objects.filter(title="供水接入方案与规划条件不一致").first()
    if late is not None and late.due_on is not None:
        Difficulty.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - dt.timedelta(days=3))
    reminders = difficulty_reminders_run().sent
    log(
        f"coordination: {len(SCENARIOS)} difficulties in {len(states)} states of the escalation path, "
        f"{reminders} deadline reminder(s) sent"
    )
