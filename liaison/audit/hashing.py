"""The hash chain of the audit trail: one canonical serialisation, used to write and to verify.

The hash is an HMAC-SHA256 keyed with settings.AUDIT_HMAC_KEY, which lives outside the database: someone
who can edit rows but does not hold the key cannot compute a matching hash for a changed event. Against
someone who holds the key as well, the chain heads written outside the database (anchors.py) still tell.

Every field a reader sees is part of the hash (including the denormalised actor name), so a
changed row no longer matches its hash and `audit_verify` names it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    from liaison.audit.models import AuditEvent

GENESIS_HASH = "0" * 64


def event_payload(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "acting_role": event.acting_role,
        "source": event.source,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "action": event.action,
        "summary": event.summary,
        "changes": event.changes,
        "ip": event.ip,
        "prev_hash": event.prev_hash,
    }


def canonical(event: Any) -> bytes:
    return json.dumps(
        event_payload(event), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode()


def event_hash(event: AuditEvent, key: str | None = None) -> str:
    secret = (key if key is not None else settings.AUDIT_HMAC_KEY).encode("utf-8")
    return hmac.new(secret, canonical(event), hashlib.sha256).hexdigest()


def unkeyed_hash(event: Any) -> str:
    """The hash before the chain was keyed (migration 0005 checks old trails with it, then re-seals)."""
    return hashlib.sha256(canonical(event)).hexdigest()
