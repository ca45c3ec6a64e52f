"""What the closure's forms are filled with, and their entries in intake's template registry.

Every form starts with the project's block (project_name, service_number, national_code,
enterprise_name, officers). The handover list has `lines` (l.seq, l.name, l.issuer, l.number, l.form,
l.copies, l.pages, l.remarks: a line kept back reads "未移交：<reason>"); the completion and termination
forms have `items` (i.seq, i.name, i.department, i.result, i.ended_on). Dates are printed as Chinese forms
print them; a step not taken yet leaves the blank 年 月 日 to fill by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.catalogue.stages import Stage
from liaison.closure.documents.build_templates import (
    COMPLETION_TEMPLATE,
    HANDOVER_TEMPLATE,
    TERMINATION_TEMPLATE,
)
from liaison.closure.models import HandoverLine, Service, ServiceState, ServiceStep, TerminationReason
from liaison.core.docx_kit import BLANK_DATE, form_date
from liaison.directory.roles import Role
from liaison.intake.documents.registry import DocumentSpec, register_document
from liaison.intake.models import Assignment, AssignmentRole, DocumentKind, EntrustmentScope
from liaison.tracking.models import ProjectItem, ProjectItemState

PROJECT_VARIABLES = frozenset(
    {
        "region_name",
        "centre_name",
        "project_name",
        "service_number",
        "national_code",
        "enterprise_name",
        "officers",
    }
)
HANDOVER_VARIABLES = PROJECT_VARIABLES | {
    "lines",
    "line_count",
    "handed_count",
    "kept_count",
    "handed_over_on",
    "received_on",
}
COMPLETION_VARIABLES = PROJECT_VARIABLES | {
    "scope",
    "scope_detail",
    "service_period",
    "accepted_on",
    "completed_on",
    "handover_summary",
    "completion_note",
    "items",
    "confirmed_by",
    "confirmed_on",
    "confirmation_comment",
}
TERMINATION_VARIABLES = PROJECT_VARIABLES | {
    "scope",
    "scope_detail",
    "service_period",
    "requested_by",
    "requested_on",
    "reason",
    "reason_note",
    "items",
    "confirmed_by",
    "confirmed_on",
    "confirmation_comment",
}


def _day(moment: dt.datetime | None) -> str:
    return form_date(timezone.localdate(moment) if moment is not None else None)


def _last_step(service: Service, name: str) -> ServiceStep | None:
    return service.steps.filter(name=name).select_related("actor").order_by("-at", "-id").first()


def _officers(service: Service) -> str:
    """The officers serving the project (lead first); once the service ended and nobody is in post, those
    who served it."""
    rows = Assignment.objects.filter(project_id=service.project_id).select_related("officer__user")
    active = [a for a in rows if a.is_active] or list(rows)
    active.sort(key=lambda a: (a.role != AssignmentRole.LEAD, a.assigned_at, a.pk))
    names: list[str] = []
    for a in active:
        text = f"{a.officer.user.display_name}（{a.officer.number}）"
        if text not in names:
            names.append(text)
    return "、".join(names) or _("未派任")


def _project(service: Service) -> dict[str, Any]:
    project = service.project
    return {
        "region_name": settings.REGION_NAME,
        "centre_name": settings.CENTRE_NAME,
        "project_name": project.name,
        "service_number": project.service_number or "",
        "national_code": project.national_code or _("（暂无）"),
        "enterprise_name": project.enterprise.name,
        "officers": _officers(service),
    }


def _scope(service: Service) -> dict[str, str]:
    entrustment = service.entrustment
    stages = "、".join(str(Stage(s).label) for s in entrustment.stages)
    if entrustment.scope == EntrustmentScope.FULL:
        detail = _("全部审批阶段：%(s)s") % {"s": stages or "—"}
    else:
        items = "；".join(f"{i.code} {i.name}" for i in entrustment.items.order_by("code"))
        detail = _("阶段：%(s)s。事项：%(i)s") % {"s": stages or "—", "i": items or _("所选阶段全部事项")}
    return {"scope": str(entrustment.get_scope_display()), "scope_detail": detail}


def _period(service: Service, end: dt.datetime | None) -> dict[str, str]:
    accepted = _day(service.entrustment.decided_at)
    ended = _day(end)
    return {"accepted_on": accepted, "service_period": _("%(a)s至%(b)s") % {"a": accepted, "b": ended}}


def _confirmation(step: ServiceStep | None) -> dict[str, str]:
    if step is None:
        return {"confirmed_by": _("待中心确认"), "confirmed_on": BLANK_DATE, "confirmation_comment": ""}
    return {
        "confirmed_by": step.actor.display_name,
        "confirmed_on": _day(step.at),
        "confirmation_comment": step.comment,
    }


def _line_row(line: HandoverLine) -> dict[str, Any]:
    remarks = [] if line.handed_over else [_("未移交：%(r)s") % {"r": line.not_handed_reason}]
    if line.remarks:
        remarks.append(line.remarks)
    if line.disputed:
        remarks.append(_("项目单位异议：%(n)s") % {"n": line.dispute_note})
    return {
        "seq": line.position,
        "name": line.name,
        "issuer": line.issuer or "—",
        "number": line.number or "—",
        "form": _("原件") if line.original else _("复印件"),
        "copies": line.copies,
        "pages": line.pages or "—",
        "remarks": "；".join(remarks),
    }


def handover_context(service: Service) -> dict[str, Any]:
    lines = list(service.handover_lines.all())
    if service.state == ServiceState.TERMINATED:  # Art. 16: listed when the termination was confirmed
        prepared = _last_step(service, "confirm_termination")
        received = _last_step(service, "confirm_termination_receipt")
    else:
        prepared, received = _last_step(service, "prepare_completion"), _last_step(service, "confirm_receipt")
    handed = sum(1 for line in lines if line.handed_over)
    return {
        **_project(service),
        "lines": [_line_row(line) for line in lines],
        "line_count": len(lines),
        "handed_count": handed,
        "kept_count": len(lines) - handed,
        "handed_over_on": _day(prepared.at if prepared else None),
        # Receipt of this list: only a confirmation given after the list was (last) prepared counts.
        "received_on": _day(received.at if received and prepared and received.at >= prepared.at else None),
    }


def _item_row(n: int, item: ProjectItem, result: str | None = None) -> dict[str, Any]:
    return {
        "seq": n,
        "name": item.approval_item.name,
        "department": item.approval_item.department.name,
        "result": result or str(ProjectItemState(item.state).label),
        "ended_on": form_date(item.decided_on or item.ended_on) if not item.is_open else "—",
    }


def _items(service: Service) -> list[ProjectItem]:
    return list(
        ProjectItem.objects.filter(project_id=service.project_id)
        .select_related("approval_item__department")
        .order_by("order", "pk")
    )


def completion_context(service: Service) -> dict[str, Any]:
    confirmed = _last_step(service, "confirm_completion")
    received = _last_step(service, "confirm_receipt")
    lines = list(service.handover_lines.all())
    handed = sum(1 for line in lines if line.handed_over)
    summary = _("资料移交清单共%(n)d项，已移交%(h)d项") % {"n": len(lines), "h": handed}
    if received is not None:
        summary += _("，项目单位%(who)s于%(day)s确认收到") % {
            "who": received.actor.display_name,
            "day": _day(received.at),
        }
    end = confirmed.at if confirmed else service.ended_at
    return {
        **_project(service),
        **_scope(service),
        **_period(service, end),
        "completed_on": _day(end),
        "handover_summary": summary,
        "completion_note": service.completion_note or _("全部委托事项已办结或确认无需办理。"),
        "items": [_item_row(n, item) for n, item in enumerate(_items(service), start=1)],
        **_confirmation(confirmed),
    }


def _withdrawn_items(service: Service, since: dt.datetime | None) -> list[dict[str, Any]]:
    """Items the termination withdraws: those withdrawn since the request, or (still waiting for the
    centre) those open, which its confirmation will withdraw."""
    rows, n = [], 0
    for item in _items(service):
        if item.is_open:
            result = _("待中心确认后撤回")
        elif (
            item.state == ProjectItemState.WITHDRAWN
            and since is not None
            and item.transitions.filter(to_state=ProjectItemState.WITHDRAWN, at__gte=since).exists()
        ):
            result = str(ProjectItemState.WITHDRAWN.label)
        else:
            continue
        n += 1
        rows.append(_item_row(n, item, result))
    return rows


def termination_context(service: Service) -> dict[str, Any]:
    requested = _last_step(service, "request_termination")
    confirmed = _last_step(service, "confirm_termination")
    who = ""
    if requested is not None:
        role = (
            Role(requested.acting_role).label
            if requested.acting_role in Role.values
            else requested.acting_role
        )
        who = f"{requested.actor.display_name}（{role}）"
    reason = service.termination_reason
    return {
        **_project(service),
        **_scope(service),
        **_period(service, confirmed.at if confirmed else None),
        "requested_by": who,
        "requested_on": _day(requested.at if requested else None),
        "reason": str(TerminationReason(reason).label) if reason else "",
        "reason_note": service.termination_note,
        "items": _withdrawn_items(service, requested.at if requested else None),
        **_confirmation(confirmed),
    }


def _sample_project() -> dict[str, Any]:
    return {
        "region_name": "示例区",
        "centre_name": "示例区政务服务中心",
        "project_name": "示例商业综合体项目",
        "service_number": "WH-2026-0001",
        "national_code": "2603-530102-04-01-100231",
        "enterprise_name": "示例置业有限公司",
        "officers": "赵六（LLG-2026-0001）、钱七（LLG-2026-0002）",
    }


def _sample_items(result: str) -> list[dict[str, Any]]:
    return [
        {
            "seq": 1,
            "name": "建设用地规划许可证核发",
            "department": "示例区自然资源局",
            "result": result,
            "ended_on": "2026年03月02日",
        }
    ]


def _sample_confirmation() -> dict[str, str]:
    return {"confirmed_by": "孙八", "confirmed_on": "2026年03月10日", "confirmation_comment": "同意。"}


def handover_sample() -> dict[str, Any]:
    return {
        **_sample_project(),
        "lines": [
            {
                "seq": 1,
                "name": "建设工程规划许可证",
                "issuer": "示例区自然资源局",
                "number": "建字第530102202600123号",
                "form": "原件",
                "copies": 1,
                "pages": 2,
                "remarks": "",
            },
            {
                "seq": 2,
                "name": "施工图审查合格书",
                "issuer": "—",
                "number": "—",
                "form": "复印件",
                "copies": 2,
                "pages": "—",
                "remarks": "未移交：原件由住建部门存档",
            },
        ],
        "line_count": 2,
        "handed_count": 1,
        "kept_count": 1,
        "handed_over_on": "2026年03月05日",
        "received_on": "2026年03月06日",
    }


def completion_sample() -> dict[str, Any]:
    return {
        **_sample_project(),
        "scope": "全程委托代办",
        "scope_detail": "全部审批阶段：立项用地规划许可、工程建设许可、施工许可、竣工验收",
        "service_period": "2026年01月05日至2026年03月10日",
        "accepted_on": "2026年01月05日",
        "completed_on": "2026年03月10日",
        "handover_summary": "资料移交清单共2项，已移交1项，项目单位张三于2026年03月06日确认收到",
        "completion_note": "全部委托事项已办结或确认无需办理。",
        "items": _sample_items("已办结"),
        **_sample_confirmation(),
    }


def termination_sample() -> dict[str, Any]:
    return {
        **_sample_project(),
        "scope": "部分委托代办",
        "scope_detail": "阶段：工程建设许可。事项：NRP-002 建设用地规划许可证核发",
        "service_period": "2026年01月05日至2026年03月10日",
        "requested_by": "张三（项目单位）",
        "requested_on": "2026年03月01日",
        "reason": "项目单位申请终止委托",
        "reason_note": "企业调整投资计划，项目暂缓。",
        "items": _sample_items("已撤回"),
        **_sample_confirmation(),
    }


SPECS: tuple[tuple[str, Path, frozenset[str], frozenset[str], Callable[[], dict[str, Any]]], ...] = (
    (
        DocumentKind.HANDOVER_LIST,
        HANDOVER_TEMPLATE,
        frozenset(HANDOVER_VARIABLES),
        frozenset({"project_name", "service_number", "lines"}),
        handover_sample,
    ),
    (
        DocumentKind.COMPLETION_FORM,
        COMPLETION_TEMPLATE,
        frozenset(COMPLETION_VARIABLES),
        frozenset({"project_name", "service_number", "items", "service_period", "confirmed_by"}),
        completion_sample,
    ),
    (
        DocumentKind.TERMINATION_FORM,
        TERMINATION_TEMPLATE,
        frozenset(TERMINATION_VARIABLES),
        frozenset({"project_name", "service_number", "reason", "reason_note", "confirmed_by"}),
        termination_sample,
    ),
)


def register_closure_templates() -> list[DocumentSpec]:
    """Let the centre replace the closure's templates (called from ClosureConfig.ready)."""
    return [
        register_document(
            DocumentSpec(kind=str(kind), built_in=path, variables=variables, required=required, sample=sample)
        )
        for kind, path, variables, required, sample in SPECS
    ]
