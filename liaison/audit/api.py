"""The audit trail over the API (/api/v1/audit): read events, verify the chain. Centre and supervisors only."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from liaison.audit.actions import action_label
from liaison.audit.models import AuditEvent
from liaison.audit.selectors.events import AuditFilters, access_audit_event, audit_event_list
from liaison.audit.services.verify import audit_chain_check
from liaison.core.bounds import Id
from liaison.core.paging import ApiPagination

router = Router(tags=["audit"])


class EventFilterIn(Schema):
    actor: Id | None = None
    acting_role: str = ""
    object_type: str = ""
    object_id: str = ""
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""


class AuditEventOut(Schema):
    seq: int
    occurred_at: dt.datetime
    actor_id: int | None
    actor_name: str
    acting_role: str
    source: str
    object_type: str
    object_id: str
    object_repr: str
    action: str
    action_label: str
    summary: str
    ip: str | None

    @staticmethod
    def resolve_action_label(obj: AuditEvent) -> str:
        return action_label(obj.action)


class EventDetailOut(AuditEventOut):
    changes: dict[str, Any]
    hash: str
    prev_hash: str


class VerifyOut(Schema):
    ok: bool
    checked: int
    broken_seq: int | None
    reason: str


@router.get("/events", response=list[AuditEventOut])
@paginate(ApiPagination)
def list_events(request: HttpRequest, filters: Query[EventFilterIn]) -> Any:
    """Events newest first; dates are whole local days, both ends included."""
    return audit_event_list(user=request.user, filters=AuditFilters(**filters.dict()))


@router.get("/events/{seq}", response=EventDetailOut)
def get_event(request: HttpRequest, seq: Id) -> AuditEvent:
    return access_audit_event(request.user, seq)


@router.post("/verify", response=VerifyOut)
def verify_chain(request: HttpRequest) -> dict[str, Any]:
    """Recompute the whole hash chain and report the first broken link, if any."""
    report = audit_chain_check(actor=request.user)
    return {
        "ok": report.ok,
        "checked": report.checked,
        "broken_seq": report.broken_seq,
        "reason": report.reason,
    }
