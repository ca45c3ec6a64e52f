"""The columns of the audit trail's export (the list pattern of `liaison.core.listing`)."""

from __future__ import annotations

from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from liaison.audit.actions import action_label, role_label, source_label
from liaison.core.listing import Column, ListExport

# Rows are AuditEvent objects from audit_event_list; the hashes let a reader check the copy against the chain.
AUDIT_EVENT_EXPORT = ListExport(
    _("审计日志"),
    (
        Column(_("序号"), lambda e: e.seq, 8),
        Column(_("时间"), lambda e: localtime(e.occurred_at).strftime("%Y-%m-%d %H:%M:%S"), 20, text=True),
        Column(_("操作人"), lambda e: e.actor_name, 16),
        Column(_("角色"), lambda e: role_label(e.acting_role), 16),
        Column(_("来源"), lambda e: source_label(e.source), 8),
        Column(_("对象类型"), lambda e: e.object_type, 20, text=True),
        Column(_("对象编号"), lambda e: e.object_id, 10, text=True),
        Column(_("对象"), lambda e: e.object_repr, 24),
        Column(_("操作"), lambda e: action_label(e.action), 20),
        Column(_("摘要"), lambda e: e.summary, 36),
        Column(_("IP"), lambda e: e.ip or "", 16, text=True),
        Column(_("哈希"), lambda e: e.hash, 30, text=True),
    ),
)
