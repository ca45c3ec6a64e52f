"""The sidebar, declared once as data: which entries each role sees."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from liaison.directory.roles import BUSINESS_ROLES, Role

ALL = frozenset(Role.values)
# 三员分立: each administrator sees the dashboard and their own area, never the business menus.
BUSINESS = frozenset(BUSINESS_ROLES)
CENTRE = frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER})
STAFF = frozenset(
    {*CENTRE, Role.SUPERVISOR, Role.OFFICER, Role.GUIDE, Role.DEPARTMENT_ADMIN, Role.PROJECT_OFFICE}
)


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str
    icon: str
    roles: frozenset[str]
    section: str | Promise = ""


NAVIGATION: tuple[NavEntry, ...] = (
    NavEntry(_("工作台"), "web:dashboard", "speedometer2", ALL),
    NavEntry(
        _("受理审核"), "intake:review_queue", "inbox", frozenset({*CENTRE, Role.SUPERVISOR}), _("委托与派任")
    ),
    NavEntry(
        _("项目登记"),
        "intake:project_list",
        "buildings",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.PROJECT_OFFICE, Role.APPLICANT}),
        _("委托与派任"),
    ),
    NavEntry(_("我的项目"), "intake:my_projects", "briefcase", frozenset({Role.OFFICER}), _("委托与派任")),
    NavEntry(
        _("委托申请"),
        "intake:request_list",
        "file-earmark-text",
        frozenset({Role.APPLICANT}),
        _("委托与派任"),
    ),
    NavEntry(
        _("单位信息"),
        "intake:enterprise_profile",
        "person-vcard",
        frozenset({Role.APPLICANT}),
        _("委托与派任"),
    ),
    NavEntry(
        _("代办范围标准"), "intake:eligibility_settings", "sliders", frozenset({*CENTRE}), _("委托与派任")
    ),
    NavEntry(
        _("文书模板"),
        "intake:document_templates",
        "file-earmark-word",
        frozenset({Role.CENTER_ADMIN}),
        _("委托与派任"),
    ),
    NavEntry(
        _("待办事项"), "tracking:todo", "list-check", frozenset({Role.OFFICER, Role.GUIDE}), _("审批跟踪")
    ),
    NavEntry(
        _("跟踪总览"),
        "tracking:overview",
        "bar-chart-line",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.PROJECT_OFFICE}),
        _("审批跟踪"),
    ),
    NavEntry(
        _("办结与终止"),
        "closure:list",
        "box-seam",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.OFFICER, Role.APPLICANT}),
        _("审批跟踪"),
    ),
    NavEntry(
        _("咨询"),
        "consultations:list",
        "chat-left-text",
        frozenset({*CENTRE, Role.OFFICER, Role.DEPARTMENT_ADMIN, Role.SUPERVISOR}),
        _("咨询答复"),
    ),
    NavEntry(_("待回复"), "consultations:inbox", "chat-dots", frozenset({Role.GUIDE}), _("咨询答复")),
    NavEntry(
        _("答复记录"),
        "consultations:records",
        "clipboard-data",
        frozenset({*CENTRE, Role.DEPARTMENT_ADMIN, Role.SUPERVISOR, Role.PROJECT_OFFICE, Role.GUIDE}),
        _("咨询答复"),
    ),
    NavEntry(
        _("难点问题"),
        "coordination:list",
        "exclamation-diamond",
        frozenset({*CENTRE, Role.OFFICER, Role.SUPERVISOR, Role.PROJECT_OFFICE}),
        _("协调与督办"),
    ),
    NavEntry(
        _("推进例会"),
        "coordination:meetings",
        "people",
        frozenset({*CENTRE, Role.OFFICER, Role.SUPERVISOR, Role.PROJECT_OFFICE}),
        _("协调与督办"),
    ),
    NavEntry(
        _("督办事项"),
        "coordination:actions",
        "list-task",
        frozenset(
            {*CENTRE, Role.OFFICER, Role.SUPERVISOR, Role.PROJECT_OFFICE, Role.GUIDE, Role.DEPARTMENT_ADMIN}
        ),
        _("协调与督办"),
    ),
    NavEntry(_("我的评价"), "evaluation:mine", "star", frozenset({Role.APPLICANT}), _("好差评与回访")),
    NavEntry(
        _("评价管理"),
        "evaluation:reviews",
        "star-half",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.OFFICER, Role.GUIDE, Role.DEPARTMENT_ADMIN}),
        _("好差评与回访"),
    ),
    NavEntry(
        _("差评处理"),
        "evaluation:follow_ups",
        "arrow-repeat",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.OFFICER, Role.DEPARTMENT_ADMIN}),
        _("好差评与回访"),
    ),
    NavEntry(
        _("回访与测评"),
        "evaluation:visits",
        "telephone-outbound",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.GUIDE}),
        _("好差评与回访"),
    ),
    NavEntry(
        _("满意度统计"),
        "evaluation:figures",
        "graph-up",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.PROJECT_OFFICE}),
        _("好差评与回访"),
    ),
    NavEntry(_("评价设置"), "evaluation:settings", "gear", frozenset({Role.CENTER_ADMIN}), _("好差评与回访")),
    NavEntry(
        _("考核"),
        "assessment:periods",
        "clipboard-data",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.OFFICER, Role.GUIDE, Role.DEPARTMENT_ADMIN}),
        _("好差评与回访"),
    ),
    NavEntry(
        _("业务投诉"),
        "complaints:list",
        "megaphone",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.DEPARTMENT_ADMIN, Role.APPLICANT}),
        _("投诉督查"),
    ),
    NavEntry(_("纪检协查任务"), "complaints:tasks", "clipboard-check", frozenset(CENTRE), _("投诉督查")),
    NavEntry(_("投诉设置"), "complaints:settings", "gear", frozenset({Role.CENTER_ADMIN}), _("投诉督查")),
    NavEntry(
        _("廉政作风投诉"), "complaints:integrity", "shield-lock", frozenset({Role.SUPERVISOR}), _("投诉督查")
    ),
    NavEntry(
        _("监督台"),
        "supervision:desk",
        "eye",
        frozenset({Role.SUPERVISOR, Role.CENTER_LEADER}),
        _("监督检查"),
    ),
    NavEntry(
        _("监督检查"),
        "supervision:inspections",
        "clipboard-check",
        frozenset({Role.SUPERVISOR, Role.CENTER_LEADER, Role.OFFICER, Role.DEPARTMENT_ADMIN}),
        _("监督检查"),
    ),
    NavEntry(
        _("宣传报道"),
        "publicity:article_manage",
        "newspaper",
        frozenset({Role.CENTER_ADMIN}),
        _("宣传与咨询"),
    ),
    NavEntry(
        _("公众咨询"),
        "publicity:enquiries",
        "question-circle",
        frozenset({Role.CENTER_ADMIN, Role.CENTER_LEADER, Role.SUPERVISOR}),
        _("宣传与咨询"),
    ),
    NavEntry(
        _("常见问题"),
        "publicity:faq_manage",
        "patch-question",
        frozenset({Role.CENTER_ADMIN}),
        _("宣传与咨询"),
    ),
    NavEntry(_("咨询设置"), "publicity:settings", "sliders", frozenset({Role.CENTER_ADMIN}), _("宣传与咨询")),
    NavEntry(
        _("公开文件"),
        "portal:documents_manage",
        "file-earmark-text",
        frozenset({Role.CENTER_ADMIN}),
        _("宣传与咨询"),
    ),
    NavEntry(_("事项目录"), "catalogue:item_list", "journal-text", BUSINESS, _("事项与指导员")),
    NavEntry(_("指导员联系表"), "catalogue:roster", "person-lines-fill", STAFF, _("事项与指导员")),
    NavEntry(
        _("指导员变更"),
        "catalogue:guide_change_list",
        "arrow-left-right",
        frozenset({*CENTRE, Role.DEPARTMENT_ADMIN, Role.SUPERVISOR}),
        _("事项与指导员"),
    ),
    NavEntry(_("职能部门"), "catalogue:department_list", "building", STAFF, _("事项与指导员")),
    NavEntry(_("目录导入"), "catalogue:import", "upload", frozenset({Role.CENTER_ADMIN}), _("事项与指导员")),
    NavEntry(
        _("联络官登记"),
        "officers:officer_list",
        "person-badge",
        frozenset({*CENTRE, Role.SUPERVISOR, Role.OFFICER}),
        _("联络官"),
    ),
    NavEntry(_("工作日历"), "workcal:calendar", "calendar3", frozenset({*CENTRE}), _("系统")),
    NavEntry(_("期限与提醒"), "deadlines:settings", "alarm", frozenset({Role.CENTER_ADMIN}), _("系统")),
    NavEntry(
        _("审计日志"),
        "audit:event_list",
        "shield-check",
        frozenset({Role.AUDIT_ADMIN, Role.SUPERVISOR}),
        _("安全审计"),
    ),
    NavEntry(
        _("账号管理"), "directory:account_list", "people", frozenset({Role.SYSTEM_ADMIN}), _("系统管理")
    ),
    NavEntry(
        _("安全设置"),
        "directory:security_settings",
        "shield-lock",
        frozenset({Role.SECURITY_ADMIN}),
        _("安全管理"),
    ),
    NavEntry(_("登录锁定"), "directory:lockouts", "lock", frozenset({Role.SECURITY_ADMIN}), _("安全管理")),
    NavEntry(
        _("API令牌管理"), "directory:tokens", "key-fill", frozenset({Role.SECURITY_ADMIN}), _("安全管理")
    ),
    NavEntry(
        _("双因素认证重置"),
        "directory:second_factor_reset",
        "phone",
        frozenset({Role.SECURITY_ADMIN}),
        _("安全管理"),
    ),
    NavEntry(
        _("个人信息查看记录"),
        "audit:personal_data_views",
        "person-lock",
        frozenset({Role.SECURITY_ADMIN}),
        _("安全管理"),
    ),
    # Integrations are staff work; the enterprise uses the pages (its menu stays short).
    NavEntry(_("API令牌"), "web:api_tokens", "key", STAFF, _("系统")),
)


# Per role set and script prefix: the entries shown and their reversed URLs (the URLconf does not change
# while the process runs; a test overriding ROOT_URLCONF empties it).
_SHOWN: dict[tuple[frozenset[str], str], list[tuple[NavEntry, str]]] = {}


def _shown(roles: frozenset[str]) -> list[tuple[NavEntry, str]]:
    key = (roles, get_script_prefix())
    found = _SHOWN.get(key)
    if found is None:
        found = [(entry, reverse(entry.url_name)) for entry in NAVIGATION if roles.intersection(entry.roles)]
        if len(_SHOWN) > 256:  # role sets are few; a bound all the same
            _SHOWN.clear()
        _SHOWN[key] = found
    return found


@receiver(setting_changed)
def _urlconf_changed(*, setting: str, **_kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":
        _SHOWN.clear()


def navigation_for(
    roles: frozenset[str], current_path: str, badges: dict[str, int] | None = None
) -> list[dict[str, Any]]:
    badges = badges or {}
    entries = []
    for entry, url in _shown(roles):
        active = current_path == url if url == "/" else current_path.startswith(url)
        entries.append(
            {
                "label": entry.label,
                "url": url,
                "icon": entry.icon,
                "section": entry.section,
                "active": active,
                "badge": badges.get(entry.url_name),
            }
        )
    # Only the most specific matching entry is active (/consultations/ must not light up on /consultations/inbox/).
    longest = max((len(str(e["url"])) for e in entries if e["active"]), default=0)
    for e in entries:
        e["active"] = e["active"] and len(str(e["url"])) == longest
    return entries
