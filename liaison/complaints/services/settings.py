"""The centre's complaint periods (working days): the reply to a business complaint (default 15), the
department's cooperation answer, the supervisors' registration of an integrity complaint (5), the
centre's answer to a cooperation task. New deadlines use them; running ones keep theirs."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from liaison.audit.services.events import audit_record
from liaison.complaints.models import ComplaintSettings
from liaison.complaints.settings_row import complaint_settings
from liaison.core.errors import DomainError, NotFound
from liaison.directory.roles import Role

PERIOD_FIELDS = ("reply_days", "cooperation_days", "registration_days", "task_days")
LIMIT = 60


def complaint_settings_update(*, actor: Any, values: dict[str, Any]) -> ComplaintSettings:
    if not actor.has_role(Role.CENTER_ADMIN):
        raise NotFound(_("页面不存在。"))
    parsed: dict[str, int] = {}
    for name in PERIOD_FIELDS:
        if name not in values or values[name] in (None, ""):
            continue
        label = getattr(ComplaintSettings._meta.get_field(name), "verbose_name", name)
        text = str(values[name]).strip()
        if not text.isdigit() or not 1 <= int(text[:4]) <= LIMIT or len(text) > 4:
            raise DomainError(
                _("%(label)s须为 1 至 %(n)d 之间的整数。") % {"label": label, "n": LIMIT}, field=name
            )
        parsed[name] = int(text)
    with transaction.atomic():
        row = ComplaintSettings.objects.select_for_update().get(pk=complaint_settings().pk)
        before = {f: getattr(row, f) for f in PERIOD_FIELDS}
        for name, value in parsed.items():
            setattr(row, name, value)
        row.save()
        audit_record(
            actor=actor,
            action="complaints.settings",
            obj=row,
            object_repr=str(_("投诉设置")),
            before=before,
            after={f: getattr(row, f) for f in PERIOD_FIELDS},
            summary=_("修改投诉办理期限"),
        )
    return row
