"""Notification texts of the intake workflow, one translatable template per event."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

MESSAGES: dict[str, tuple[Any, Any]] = {
    "entrustment.submitted": (
        _("新的委托代办申请：%(project)s"),
        _("%(enterprise)s 提交了“%(project)s”的%(scope)s申请，请及时审核受理。"),
    ),
    "entrustment.withdrawn": (
        _("委托代办申请已撤回：%(project)s"),
        _("%(enterprise)s 撤回了“%(project)s”的委托代办申请。%(comment)s"),
    ),
    "entrustment.returned": (
        _("申请被退回补充：%(project)s"),
        _("中心审核后，请一次性补充以下内容后重新提交：\n%(missing)s\n%(comment)s"),
    ),
    "entrustment.accepted": (
        _("申请已受理：%(project)s（服务编号 %(number)s）"),
        _("您的委托代办申请已受理登记，服务编号 %(number)s。中心将尽快派任政务服务联络官。"),
    ),
    "entrustment.rejected": (
        _("申请不予受理：%(project)s"),
        _("不予受理的理由：%(comment)s\n如有异议，可向区政务服务中心咨询或投诉。"),
    ),
    "assignment.dispatched": (
        _("已派任联络官：%(project)s"),
        _("服务编号 %(number)s。主办联络官：%(lead)s；协办：%(assistants)s。"),
    ),
    "assignment.reassigned": (
        _("联络官变更：%(project)s"),
        _("服务编号 %(number)s。变更后主办联络官：%(lead)s；协办：%(assistants)s。变更原因：%(comment)s"),
    ),
    "contact.changed": (
        _("项目单位联系人变更：%(enterprise)s"),
        _("%(role)s已变更为 %(name)s（%(mobile)s），自 %(since)s 起。"),
    ),
}


def render_message(kind: str, **values: Any) -> tuple[str, str]:
    title, body = MESSAGES[kind]
    return str(title) % values, (str(body) % values).strip()
