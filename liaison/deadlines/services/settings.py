"""The centre sets, per kind of deadline, when its light turns yellow and how often overdue reminders
repeat (whole working days within the kind's bounds); audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record, snapshot
from liaison.core.errors import DomainError, NotFound, PermissionDenied
from liaison.deadlines.kinds import deadline_kind, is_declared
from liaison.deadlines.models import DeadlineSettings
from liaison.deadlines.policies import can_manage_deadline_settings
from liaison.deadlines.settings import deadline_settings

FIELDS = ("warning_days", "repeat_days")


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def deadline_settings_validate(
    kind: str, *, warning_days: Any, repeat_days: Any, fields: tuple[str, str] = FIELDS
) -> None:
    """Refuse values outside the kind's bounds, naming the caller's field."""
    declared = deadline_kind(kind)
    checks = (
        (warning_days, declared.warning_min, declared.warning_max, fields[0], _("黄灯提前量")),
        (repeat_days, declared.repeat_min, declared.repeat_max, fields[1], _("超期提醒间隔")),
    )
    for value, low, high, field, label in checks:
        if not _whole(value, low, high):
            raise DomainError(
                _("%(label)s须为 %(low)d 至 %(high)d 之间的整数（工作日）。")
                % {"label": label, "low": low, "high": high},
                field=field,
            )


def deadline_settings_write(
    *, actor: Any, kind: str, warning_days: int, repeat_days: int
) -> DeadlineSettings:
    """Store validated values inside the caller's transaction (the caller has checked the permission)."""
    defaults = deadline_settings(kind)
    row, _created = DeadlineSettings.objects.select_for_update().get_or_create(
        kind=kind, defaults={"warning_days": defaults.warning_days, "repeat_days": defaults.repeat_days}
    )
    before = snapshot(row, FIELDS)
    if (row.warning_days, row.repeat_days) == (warning_days, repeat_days):
        return row
    row.warning_days, row.repeat_days, row.updated_by = warning_days, repeat_days, actor
    row.save()
    audit_record(
        actor=actor,
        action="deadline_settings.update",
        obj=row,
        before=before,
        after=snapshot(row, FIELDS),
        summary=_("修改期限提醒设置：%(k)s") % {"k": deadline_kind(kind).label},
    )
    return row


def deadline_settings_update(
    *, actor: Any, kind: str, warning_days: Any, repeat_days: Any
) -> DeadlineSettings:
    """The centre changes one kind's warning and repeat days."""
    if not can_manage_deadline_settings(actor):
        raise PermissionDenied(_("只有政务服务中心工作人员可以修改期限提醒设置。"))
    if not is_declared(kind):
        raise NotFound(_("没有这种期限。"))
    deadline_settings_validate(kind, warning_days=warning_days, repeat_days=repeat_days)
    with transaction.atomic():
        return deadline_settings_write(
            actor=actor, kind=kind, warning_days=warning_days, repeat_days=repeat_days
        )
