"""Appending audit events. Every domain service calls `audit_record` inside its transaction."""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise

from liaison.audit.context import current_context
from liaison.audit.hashing import GENESIS_HASH, event_hash
from liaison.audit.models import AuditChainHead, AuditEvent
from liaison.core.addresses import parse_ip

# Names stored for events without a signed-in actor. Stored data, in the source language like every
# other name in the trail, so they are not translated at write time.
SYSTEM_NAME = "系统"
ANONYMOUS_NAME = "未登录访客"


def _jsonable(value: Any) -> Any:  # noqa: PLR0911 - one branch per JSON-able kind
    if isinstance(value, Promise):  # a lazy translation
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if hasattr(value, "name") and hasattr(value, "url"):  # a FieldFile
        return value.name or ""
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The JSON-able values of `fields` on `instance` (foreign keys as ids)."""
    out: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        out[name] = _jsonable(getattr(instance, attname))
    return out


def diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, Any]:
    """`{"field": [old, new]}` for each field whose value changed."""
    before = before or {}
    after = after or {}
    keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    object_repr: str | None = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
    actor_name: str | None = None,
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction.

    Without an actor the event is the system's, unless `actor_name` says who else acted (an anonymous
    visitor trying to sign in, for example).
    """
    ctx = current_context()
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = obj.pk if object_id is None else object_id
        object_repr = str(obj) if object_repr is None else object_repr
    changes: dict[str, Any] = {}
    if before is not None or after is not None:
        changes["diff"] = diff(before, after)
    if extra:
        changes["extra"] = _jsonable(extra)
    actor_obj = actor if getattr(actor, "pk", None) else None
    role = ctx.acting_role
    if actor_obj is not None:
        held: frozenset[str] = getattr(actor_obj, "role_set", frozenset())
        if role not in held:  # no acting role chosen (API, a command), or a stale one in the session
            role = sorted(held)[0] if held else ""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_seq": 0, "last_hash": GENESIS_HASH}
        )
        event = AuditEvent(
            seq=head.last_seq + 1,
            occurred_at=timezone.now(),
            actor=actor_obj,
            actor_name=(str(actor_obj) if actor_obj else actor_name or SYSTEM_NAME)[:80],
            acting_role=role,
            source=ctx.source,
            object_type=object_type or "",
            object_id="" if object_id is None else str(object_id),
            object_repr=(object_repr or "")[:200],
            action=action,
            summary=str(summary)[:300],
            changes=_jsonable(changes),
            ip=parse_ip(ctx.ip),
            prev_hash=head.last_hash,
        )
        event.hash = event_hash(event)
        event.save()
        AuditChainHead.objects.filter(pk=1).update(last_seq=event.seq, last_hash=event.hash)
    return event
