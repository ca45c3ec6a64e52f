"""The enterprise's view of progress (Art. 10(3)): what happened and what is next, per stage, in plain Chinese."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.stages import Stage
from liaison.deadlines.calendar_policy import calendar_problem
from liaison.intake.models import Assignment, EntrustmentTransition, Project
from liaison.tracking.models import (
    EnterpriseObligation,
    MaterialFile,
    MaterialStatus,
    PlanVersion,
    ProjectItem,
    ProjectItemState,
    ProjectItemTransition,
    ServicePlan,
)

S = ProjectItemState
REQUEST_STEPS = {
    "submitted": _("项目单位提交了委托代办申请"),
    "returned": _("中心退回申请，请补充：%(c)s"),
    "accepted": _("中心受理了委托代办申请"),
    "rejected": _("中心决定不予受理：%(c)s"),
    "withdrawn": _("项目单位撤回了委托代办申请"),
}
ITEM_STEPS = {
    "prepare": _("联络官开始准备“%(i)s”的申报材料"),
    "submit": _("联络官向%(d)s申报“%(i)s”"),
    "accept": _("%(d)s受理“%(i)s”"),
    "request_supplement": _("%(d)s要求补正“%(i)s”（办理时限暂停计算）：%(c)s"),
    "resubmit": _("已提交“%(i)s”的补正材料，办理时限恢复计算"),
    "approve": _("“%(i)s”已办结"),
    "reject": _("“%(i)s”不予许可：%(c)s"),
    "mark_not_needed": _("“%(i)s”确认无需办理：%(c)s"),
    "withdraw": _("“%(i)s”已撤回：%(c)s"),
}


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    text: str


@dataclass
class StageTimeline:
    stage: str
    label: str
    entries: list[TimelineEntry] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)


@dataclass
class Timeline:
    general: list[TimelineEntry] = field(default_factory=list)
    stages: list[StageTimeline] = field(default_factory=list)
    to_do: list[str] = field(default_factory=list)  # the enterprise's open obligations, soonest first


def _d(day: dt.date | None) -> str:
    return day.strftime("%Y年%m月%d日") if day else _("待定")


def _general(project: Project) -> list[TimelineEntry]:
    steps = EntrustmentTransition.objects.filter(
        entrustment__project=project, to_status__in=list(REQUEST_STEPS)
    )
    out = [
        TimelineEntry(step.at, str(REQUEST_STEPS[step.to_status]) % {"c": step.comment or "—"})
        for step in steps.order_by("at", "id")
    ]
    assignments = Assignment.objects.filter(project=project).select_related("officer__user")
    out += [
        TimelineEntry(
            a.assigned_at,
            _("中心派任联络官 %(n)s（%(r)s）")
            % {"n": a.officer.user.display_name, "r": a.get_role_display()},
        )
        for a in assignments.order_by("assigned_at", "id")
    ]
    plan = ServicePlan.objects.filter(project=project).first()
    if plan is not None:
        out.append(TimelineEntry(plan.drafted_at, _("联络官起草了服务方案")))
        for v in PlanVersion.objects.filter(plan=plan).order_by("number"):
            end = (
                _d(dt.date.fromisoformat(v.snapshot["completion"]))
                if v.snapshot.get("completion")
                else _("待定")
            )
            out.append(
                TimelineEntry(
                    v.created_at,
                    _("服务方案第 %(n)d 版确认，预计 %(e)s 全部办结") % {"n": v.number, "e": end},
                )
            )
    return out


def _next_step(item: ProjectItem, missing: int) -> str:
    name, dept = item.approval_item.name, item.approval_item.department.name
    if item.state == S.PLANNED:
        return _("计划于 %(d)s 开始准备“%(i)s”") % {"d": _d(item.planned_start), "i": name}
    if item.state == S.PREPARING:
        return _("正在准备“%(i)s”的申报材料（必需材料还缺 %(n)d 份）") % {"i": name, "n": missing}
    if item.state == S.SUBMITTED:
        return _("等待%(d)s受理“%(i)s”") % {"d": dept, "i": name}
    if item.state == S.SUPPLEMENT_REQUESTED:
        return _("等待项目单位补正“%(i)s”（办理时限暂停）") % {"i": name}
    if item.calendar_problem_year:
        return _("%(d)s正在审查“%(i)s”；%(p)s") % {
            "d": dept,
            "i": name,
            "p": calendar_problem(item.calendar_problem_year),
        }
    return _("%(d)s正在审查“%(i)s”，应于 %(due)s 前办结") % {"d": dept, "i": name, "due": _d(item.due_on)}


def project_timeline(*, project: Project) -> Timeline:
    """Everything that happened on the project and what is next, per stage (a fixed number of queries)."""
    timeline = Timeline(general=_general(project))
    missing_required = Count(
        "materials", filter=Q(materials__required=True, materials__status=MaterialStatus.MISSING)
    )
    items = list(
        ProjectItem.objects.filter(project=project)
        .select_related("approval_item__department")
        .annotate(missing=missing_required)
        .order_by("order", "pk")
    )
    by_stage: dict[str, StageTimeline] = {
        s.value: StageTimeline(s.value, str(s.label)) for s in Stage if any(i.stage == s.value for i in items)
    }
    steps = ProjectItemTransition.objects.filter(project_item__project=project).select_related(
        "project_item__approval_item__department"
    )
    for step in steps.order_by("at", "id"):
        item = step.project_item
        text = str(ITEM_STEPS[step.name]) % {
            "i": item.approval_item.name,
            "d": item.approval_item.department.name,
            "c": step.comment or "—",
        }
        by_stage[item.stage].entries.append(TimelineEntry(step.at, text))
    files = MaterialFile.objects.filter(submission__project_item__project=project).select_related(
        "submission__project_item"
    )
    for f in files.order_by("uploaded_at", "id"):
        stage = by_stage[f.submission.project_item.stage]
        stage.entries.append(
            TimelineEntry(
                f.uploaded_at, _("上传材料“%(m)s”（第 %(v)d 版）") % {"m": f.submission.name, "v": f.version}
            )
        )
        if f.reviewed_at and f.review_status == MaterialStatus.ACCEPTED:
            stage.entries.append(
                TimelineEntry(f.reviewed_at, _("指导员认可材料“%(m)s”") % {"m": f.submission.name})
            )
        elif f.reviewed_at:
            text = _("指导员要求修改材料“%(m)s”：%(r)s") % {"m": f.submission.name, "r": f.review_reason}
            stage.entries.append(TimelineEntry(f.reviewed_at, text))
    for item in items:
        if item.is_open:
            by_stage[item.stage].next_steps.append(_next_step(item, item.missing))
    for stage in by_stage.values():
        stage.entries.sort(key=lambda e: e.at)
    timeline.stages = list(by_stage.values())
    today = timezone.localdate()
    for o in EnterpriseObligation.objects.filter(project=project, done=False).order_by("due_on", "pk"):
        late = _("（已超期）") if o.due_on < today else ""
        timeline.to_do.append(
            _("请于 %(d)s 前完成：%(t)s%(l)s") % {"d": _d(o.due_on), "t": o.title, "l": late}
        )
    return timeline
