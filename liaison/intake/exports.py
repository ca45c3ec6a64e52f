"""The columns of intake's list exports: projects and the review queue (the list pattern of
`liaison.core.listing`). Amounts are exported exactly, in yuan (or the project's currency)."""

from __future__ import annotations

from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from liaison.core.listing import Column, ListExport, Sorting, SortKey


def _officers(project: object) -> str:
    return "、".join(a.officer.user.display_name for a in getattr(project, "active_assignments", []))


def _latest_status(project: object) -> str:
    history = getattr(project, "entrustment_history", [])
    return str(history[0].get_status_display()) if history else ""


def _eligibility(entrustment: object) -> str:
    result = getattr(entrustment, "eligibility", None) or {}
    if not result:
        return ""
    return str(_("符合")) if result.get("eligible") else str(_("不符合，附理由"))


# Rows are Project objects from intake.selectors.projects.project_list.
PROJECT_EXPORT = ListExport(
    _("项目登记清单"),
    (
        Column(_("服务编号"), lambda p: p.service_number or "", 16, text=True),
        Column(_("项目名称"), lambda p: p.name, 30),
        Column(_("项目单位"), lambda p: p.enterprise.name, 28),
        Column(_("统一社会信用代码"), lambda p: p.enterprise.uscc, 22, text=True),
        Column(_("项目代码"), lambda p: p.national_code, 26, text=True),
        Column(_("总投资"), lambda p: p.total_investment, 16),
        Column(_("币种"), lambda p: p.currency, 8),
        Column(_("当前所处阶段"), lambda p: p.get_current_stage_display(), 18),
        Column(_("联络官"), _officers, 16),
        Column(_("委托申请状态"), _latest_status, 12),
        Column(_("登记备案时间"), lambda p: localdate(p.registered_at) if p.registered_at else None, 14),
    ),
)

# Rows are Entrustment objects from intake.selectors.entrustments.entrustment_list.
ENTRUSTMENT_EXPORT = ListExport(
    _("委托申请清单"),
    (
        Column(_("项目名称"), lambda e: e.project.name, 30),
        Column(_("服务编号"), lambda e: e.project.service_number or "", 16, text=True),
        Column(_("项目单位"), lambda e: e.project.enterprise.name, 28),
        Column(_("委托方式"), lambda e: e.get_scope_display(), 10),
        Column(_("代办范围审查"), _eligibility, 14),
        Column(_("提交时间"), lambda e: localdate(e.submitted_at) if e.submitted_at else None, 14),
        Column(_("状态"), lambda e: e.get_status_display(), 10),
        Column(_("处理人"), lambda e: e.decided_by.display_name if e.decided_by else "", 12),
    ),
)

# The project list's sortable columns (the default order: the newest first). Investment sorts within each
# currency (yuan and foreign amounts are not compared).
PROJECT_SORTING = Sorting(
    [
        SortKey("name", ("name",)),
        SortKey("enterprise", ("enterprise__name",)),
        SortKey("investment", ("currency", "total_investment")),
    ]
)
