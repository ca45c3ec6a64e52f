"""The columns of the consultation list's export (the list pattern of `liaison.core.listing`)."""

from __future__ import annotations

from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from liaison.core.listing import Column, ListExport

# Rows are Consultation objects from consultation_list, with `light_label` set by annotate_lights.
CONSULTATION_EXPORT = ListExport(
    _("咨询清单"),
    (
        Column(_("咨询编号"), lambda c: c.number, 18, text=True),
        Column(_("主题"), lambda c: c.subject, 30),
        Column(_("项目"), lambda c: c.project.name, 28),
        Column(_("服务编号"), lambda c: c.project.service_number, 16, text=True),
        Column(_("所涉事项"), lambda c: c.approval_item.name, 28),
        Column(_("部门"), lambda c: c.approval_item.department.name, 20),
        Column(_("答复指导员"), lambda c: c.guide.display_name, 12),
        Column(_("联络方式"), lambda c: c.get_channel_display(), 10),
        Column(_("状态"), lambda c: c.get_state_display(), 10),
        Column(_("状态灯"), lambda c: str(c.light_label), 10),
        Column(_("答复期限"), lambda c: c.reply_due if c.is_pending else None, 12),
        Column(_("发起时间"), lambda c: localdate(c.raised_at), 12),
        Column(_("发起人"), lambda c: c.raised_by.display_name, 12),
    ),
)
