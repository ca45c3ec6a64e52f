"""The hash chain of the audit trail: one canonical serialisation, used to write and to verify.

Every field a reader sees is part of the hash (including the denormalised actor name), so a
changed row no longer matches its hash and `audit_verify` names it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import TYPE_CHECKING, Any

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


def event_hash(event: AuditEvent) -> str:
    canonical = json.dumps(event_payload(event), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
