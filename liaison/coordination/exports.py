"""The columns of the difficulty list's export (the list pattern of `liaison.core.listing`)."""

from __future__ import annotations

from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from liaison.core.listing import Column, ListExport
from liaison.deadlines.lights import LIGHT_LABELS

# Rows are Difficulty objects from difficulty_list (each annotated with its `light`).
DIFFICULTY_EXPORT = ListExport(
    _("难点问题清单"),
    (
        Column(_("编号"), lambda d: d.number, 16, text=True),
        Column(_("问题"), lambda d: d.title, 30),
        Column(_("项目"), lambda d: d.project.name, 28),
        Column(_("项目单位"), lambda d: d.project.enterprise.name, 26),
        Column(_("所涉事项"), lambda d: d.project_item.approval_item.name if d.project_item else "", 26),
        Column(_("状态"), lambda d: d.get_state_display(), 12),
        Column(_("状态灯"), lambda d: str(LIGHT_LABELS.get(d.light, "")), 10),
        Column(_("处理期限"), lambda d: d.due_on, 12),
        Column(_("提出人"), lambda d: d.raised_by.display_name, 12),
        Column(_("提出时间"), lambda d: localdate(d.raised_at), 12),
    ),
)
