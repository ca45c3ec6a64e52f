"""Notification texts of tracking, one translatable template per event, and who hears of each step."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

MESSAGES: dict[str, tuple[Any, Any]] = {
    "project_item.prepare": (
        _("开始准备申报材料：%(item)s"),
        _("“%(project)s”的“%(item)s”已开始准备申报材料，请按材料清单提供。%(comment)s"),
    ),
    "project_item.submit": (
        _("事项已申报：%(item)s"),
        _("“%(project)s”的“%(item)s”已由联络官申报，请指导员及时受理。%(comment)s"),
    ),
    "project_item.accept": (
        _("事项已受理：%(item)s"),
        _("“%(project)s”的“%(item)s”已于 %(on)s 受理。%(comment)s"),
    ),
    "project_item.request_supplement": (
        _("需要补正：%(item)s"),
        _("“%(project)s”的“%(item)s”需要补正，办理时限暂停计算。请一次性补正以下内容：\n%(comment)s"),
    ),
    "project_item.resubmit": (
        _("补正材料已提交：%(item)s"),
        _("“%(project)s”的“%(item)s”已提交补正材料，办理时限恢复计算。%(comment)s"),
    ),
    "project_item.approve": (
        _("事项已办结：%(item)s"),
        _("“%(project)s”的“%(item)s”已于 %(on)s 办结。%(comment)s"),
    ),
    "project_item.reject": (
        _("事项不予许可：%(item)s"),
        _(
            "“%(project)s”的“%(item)s”不予许可。理由：%(comment)s\n项目单位依法享有陈述、申辩和申请行政复议或提起行政诉讼的权利。"
        ),
    ),
    "project_item.mark_not_needed": (
        _("事项无需办理：%(item)s"),
        _("“%(project)s”的“%(item)s”已确认无需办理。原因：%(comment)s"),
    ),
    "project_item.withdraw": (
        _("事项已撤回：%(item)s"),
        _("“%(project)s”的“%(item)s”已撤回。原因：%(comment)s"),
    ),
    "plan.confirmed": (
        _("服务方案已确认（第 %(number)s 版）：%(project)s"),
        _("“%(project)s”的服务方案已确认，共 %(count)s 个事项，预计 %(end)s 全部办结。%(reason)s"),
    ),
    "plan.proposal": (
        _("指导员建议调整计划日期：%(item)s"),
        _("%(guide)s 建议“%(project)s”的“%(item)s”于 %(start)s 开始办理。理由：%(reason)s"),
    ),
    "plan.proposal_decided": (
        _("计划日期建议%(decision)s：%(item)s"),
        _("您对“%(project)s”的“%(item)s”提出的计划日期建议%(decision)s。%(note)s"),
    ),
    "material.revision": (
        _("材料需修改：%(material)s"),
        _("“%(project)s”的“%(item)s”中“%(material)s”需修改：%(reason)s"),
    ),
    "obligation.created": (
        _("新的待办事项：%(title)s"),
        _("“%(project)s”：%(title)s，请于 %(due)s 前完成。%(details)s"),
    ),
    "reminder.yellow": (
        _("临近办理期限：%(item)s"),
        _("“%(project)s”的“%(item)s”将于 %(due)s 到期（剩余 %(left)s 个工作日），请抓紧办理。"),
    ),
    "reminder.red": (
        _("已超过办理期限：%(item)s"),
        _("“%(project)s”的“%(item)s”已于 %(due)s 到期，现已超期，请尽快办理并说明情况。"),
    ),
    "reminder.overdue": (
        _("超期提醒（已超期 %(late)s 个工作日）：%(item)s"),
        _("“%(project)s”的“%(item)s”已于 %(due)s 到期，至今已超期 %(late)s 个工作日，请尽快办理。"),
    ),
    "reminder.urge": (
        _("中心催办：%(item)s"),
        _("政务服务中心对“%(project)s”的“%(item)s”进行催办，请尽快办理并反馈。%(comment)s"),
    ),
    "obligation.yellow": (
        _("待办即将到期：%(title)s"),
        _("“%(project)s”：%(title)s 将于 %(due)s 到期，请按时完成。"),
    ),
    "obligation.red": (
        _("待办已超期：%(title)s"),
        _("“%(project)s”：%(title)s 已于 %(due)s 到期，请尽快完成或联系联络官。"),
    ),
    "obligation.overdue": (
        _("待办超期提醒（已超期 %(late)s 个工作日）：%(title)s"),
        _(
            "“%(project)s”：%(title)s 已于 %(due)s 到期，至今已超期 %(late)s 个工作日，请尽快完成或联系联络官。"
        ),
    ),
}

# Who hears of each item step besides its actor: the officers, the item's guide, the enterprise.
AUDIENCE: dict[str, frozenset[str]] = {
    "prepare": frozenset({"enterprise"}),
    "submit": frozenset({"guide", "enterprise"}),
    "accept": frozenset({"officer", "enterprise"}),
    "request_supplement": frozenset({"officer", "enterprise"}),
    "resubmit": frozenset({"guide", "enterprise"}),
    "approve": frozenset({"officer", "enterprise"}),
    "reject": frozenset({"officer", "enterprise"}),
    "mark_not_needed": frozenset({"officer", "guide", "enterprise"}),
    "withdraw": frozenset({"officer", "guide", "enterprise"}),
}


def render_message(kind: str, **values: Any) -> tuple[str, str]:
    title, body = MESSAGES[kind]
    return str(title) % values, (str(body) % values).strip()
