"""Verifying the audit chain: recompute every hash and report the first broken link."""

from __future__ import annotations

from dataclasses import dataclass

from liaison.audit.hashing import GENESIS_HASH, event_hash
from liaison.audit.models import AuditEvent


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def audit_chain_verify(*, batch_size: int = 2000) -> ChainReport:
    """Walk the chain in order; stop at the first event whose link or hash does not match."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=batch_size):
        if event.seq != expected_seq:
            return ChainReport(checked, expected_seq, f"event #{expected_seq} is missing")
        if event.prev_hash != expected_prev:
            return ChainReport(checked, event.seq, "prev_hash does not match the previous event")
        if event_hash(event) != event.hash:
            return ChainReport(checked, event.seq, "content does not match its hash")
        expected_prev = event.hash
        expected_seq += 1
        checked += 1
    return ChainReport(checked)
