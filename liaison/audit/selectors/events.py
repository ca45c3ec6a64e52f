"""Reading the audit trail: the audit administrator and the supervisors (policies.can_view_audit_trail)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.models import AuditEvent
from liaison.audit.policies import can_view_audit_trail
from liaison.core.errors import DomainError, NotFound, PermissionDenied


@dataclass(frozen=True)
class AuditFilters:
    actor: int | None = None
    acting_role: str = ""
    object_type: str = ""
    object_id: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _require_reader(user: Any) -> None:
    if not can_view_audit_trail(user):
        raise PermissionDenied(_("您无权查看审计日志。"))


def audit_event_list(*, user: Any, filters: AuditFilters | None = None) -> QuerySet[AuditEvent]:
    """Events matching `filters`, newest first; dates are whole local days, both ends included."""
    _require_reader(user)
    f = filters or AuditFilters()
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise DomainError(_("截止日期不能早于起始日期。"), field="date_to")
    qs = AuditEvent.objects.select_related("actor").order_by("-seq")
    if f.actor is not None:
        qs = qs.filter(actor_id=f.actor)
    if f.acting_role:
        qs = qs.filter(acting_role=f.acting_role)
    if f.object_type:
        qs = qs.filter(object_type=f.object_type)
    if f.object_id:
        qs = qs.filter(object_id=f.object_id)
    if f.action:
        qs = qs.filter(action=f.action)
    if f.date_from:
        qs = qs.filter(occurred_at__gte=_day_start(f.date_from))
    if f.date_to:
        qs = qs.filter(occurred_at__lt=_day_start(f.date_to + dt.timedelta(days=1)))
    if f.q:
        term = f.q.strip()
        qs = qs.filter(
            Q(summary__icontains=term)
            | Q(object_repr__icontains=term)
            | Q(actor_name__icontains=term)
            | Q(action__icontains=term)
            | Q(object_id=term)
        )
    return qs


def access_audit_event(user: Any, seq: int) -> AuditEvent:
    """One event by its sequence number; missing and not-allowed look the same (404)."""
    event = None
    if can_view_audit_trail(user):
        event = AuditEvent.objects.select_related("actor").filter(seq=seq).first()
    if event is None:
        raise NotFound(_("审计事件不存在。"))
    return event


def audit_object_history(
    *, user: Any, obj: Model | None = None, object_type: str = "", object_id: str | int = ""
) -> QuerySet[AuditEvent]:
    """Every event about one record, oldest first (pass the instance or its type and id)."""
    if obj is not None:
        object_type, object_id = obj._meta.label_lower, obj.pk
    return audit_event_list(
        user=user, filters=AuditFilters(object_type=object_type, object_id=str(object_id))
    ).order_by("seq")


def audit_filter_choices() -> dict[str, list[Any]]:
    """The actors, actions and object types present in the trail, for the filter form (three queries)."""
    actions = AuditEvent.objects.order_by("action").values_list("action", flat=True).distinct()
    types = AuditEvent.objects.order_by("object_type").values_list("object_type", flat=True).distinct()
    actor_rows = (
        AuditEvent.objects.exclude(actor_id=None)
        .order_by("actor_id", "actor_name")
        .values_list("actor_id", "actor_name")
        .distinct()
    )
    actors: dict[int, str] = {}
    for actor_id, name in actor_rows:
        actors.setdefault(actor_id, name)
    return {
        "actions": list(actions),
        "object_types": list(types),
        "actors": sorted(actors.items(), key=lambda pair: pair[1]),
    }
