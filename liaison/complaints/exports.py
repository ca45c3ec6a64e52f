"""The columns of the complaint lists' exports (the list pattern of `liaison.core.listing`). The integrity
list's export carries no content and no complainant: number, subject, state, dates."""

from __future__ import annotations

from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from liaison.complaints.selectors.complaints import subject_label
from liaison.core.listing import Column, ListExport
from liaison.deadlines.lights import LIGHT_LABELS

BUSINESS_EXPORT = ListExport(
    _("业务投诉清单"),
    (
        Column(_("投诉编号"), lambda c: c.number, 14, text=True),
        Column(_("投诉对象"), subject_label, 24),
        Column(_("投诉内容"), lambda c: c.text, 40),
        Column(_("状态"), lambda c: c.get_state_display(), 14),
        Column(_("状态灯"), lambda c: str(LIGHT_LABELS.get(c.light, "")), 10),
        Column(_("答复期限"), lambda c: c.reply_due, 12),
        Column(_("调查人"), lambda c: c.investigator.display_name if c.investigator_id else "", 12),
        Column(_("调查结论"), lambda c: c.get_finding_display() if c.finding else "", 10),
        Column(_("满意度"), lambda c: c.get_satisfaction_display() if c.satisfaction else "", 10),
        Column(_("收到日期"), lambda c: localdate(c.received_at), 12),
    ),
)

INTEGRITY_EXPORT = ListExport(
    _("廉政作风投诉清单"),
    (
        Column(_("投诉编号"), lambda c: c.number, 14, text=True),
        Column(_("投诉对象"), subject_label, 24),
        Column(_("匿名"), lambda c: str(_("是") if c.anonymous else _("否")), 8),
        Column(_("状态"), lambda c: c.get_state_display(), 14),
        Column(_("状态灯"), lambda c: str(LIGHT_LABELS.get(c.light, "")), 10),
        Column(_("登记期限"), lambda c: c.registration_due, 12),
        Column(_("核查结论"), lambda c: c.get_finding_display() if c.finding else "", 10),
        Column(_("收到日期"), lambda c: localdate(c.received_at), 12),
    ),
)
