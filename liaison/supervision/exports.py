"""The columns of supervision's list exports (the list pattern of `liaison.core.listing`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from liaison.core.listing import Column, ListExport
from liaison.deadlines.lights import LIGHT_LABELS

# Rows: Inspection objects from inspection_list (annotated with `light`).
INSPECTION_EXPORT = ListExport(
    _("监督检查清单"),
    (
        Column(_("检查事项"), lambda i: i.title, 30),
        Column(_("检查对象类型"), lambda i: i.get_subject_type_display(), 12),
        Column(_("检查对象"), lambda i: i.subject_name, 24),
        Column(_("状态"), lambda i: i.get_state_display(), 12),
        Column(_("检查日期"), lambda i: i.opened_on, 12),
        Column(_("整改期限"), lambda i: i.rectify_due, 12),
        Column(_("状态灯"), lambda i: str(LIGHT_LABELS.get(i.light, "")), 10),
        Column(_("办结日期"), lambda i: i.closed_on, 12),
    ),
)

# Rows: Evaluation objects from bad_review_list.
BAD_REVIEW_EXPORT = ListExport(
    _("差评清单"),
    (
        Column(_("评价事项"), lambda e: e.invitation.title, 30),
        Column(_("项目"), lambda e: e.invitation.project.name, 26),
        Column(_("评价等级"), lambda e: e.get_level_display(), 10),
        Column(_("邀请日期"), lambda e: e.invitation.opened_on, 12),
        Column(
            _("处理状态"),
            lambda e: e.follow_up.get_state_display() if hasattr(e, "follow_up") else "",
            12,
        ),
    ),
)
