"""Refused accesses in the trail (等保 安全审计), bounded: every 403/404 a view gives a signed-in user is
counted per user, client address and minute in `RefusalTally` (outside the chain, one row lock per user and
minute); the first `AUDIT_REFUSALS_PER_MINUTE` (default 20) of a minute are also chained `access.refused`
events, the next one writes a single chained `access.refused_limited` naming the tally, and the rest are only
counted. A flood of 404s thus writes a bounded number of chained events instead of queueing on the chain
head's lock, and its size is still recorded."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.models import REFUSED_ACCESS, REFUSED_ACCESS_LIMITED, RefusalTally
from liaison.audit.services.events import audit_record

DEFAULT_PER_MINUTE = 20


def refusals_per_minute() -> int:
    return int(getattr(settings, "AUDIT_REFUSALS_PER_MINUTE", DEFAULT_PER_MINUTE))


def _counted(user: Any, ip: str) -> RefusalTally:
    """This refusal counted in its minute's tally (locked until the caller's transaction ends)."""
    minute = timezone.now().replace(second=0, microsecond=0)
    tally, _created = RefusalTally.objects.get_or_create(user=user, ip=ip, minute=minute)
    RefusalTally.objects.filter(pk=tally.pk).update(refused=F("refused") + 1)  # locks the row
    tally.refresh_from_db(fields=["refused"])
    return tally


def refusal_record(
    *, user: Any, ip: str | None, view_name: str, object_id: str, summary: str, extra: dict[str, Any]
) -> None:
    """Count one refused access; chain it while under this minute's limit (see the module's text)."""
    limit = refusals_per_minute()
    with transaction.atomic():
        tally = _counted(user, ip or "")
        if tally.refused <= limit:
            audit_record(
                actor=user,
                action=REFUSED_ACCESS,
                object_type=view_name[:60],
                object_id=object_id[:64],
                summary=summary[:300],
                extra=extra,
            )
        elif tally.refused == limit + 1:
            audit_record(
                actor=user,
                action=REFUSED_ACCESS_LIMITED,
                object_type="audit.refusaltally",
                object_id=str(tally.pk),
                summary=_("本分钟内拒绝访问已达 %(n)d 次，其后的只计数（拒绝访问计数 #%(id)d）")
                % {"n": limit, "id": tally.pk},
                extra={"limit": limit, "minute": tally.minute.isoformat(), "ip": tally.ip},
            )
