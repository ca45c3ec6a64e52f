"""Verifying the audit chain: recompute every hash and report the first broken link."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from liaison.audit.hashing import GENESIS_HASH, event_hash
from liaison.audit.models import AuditChainHead, AuditEvent
from liaison.audit.policies import can_verify_audit_chain
from liaison.audit.services.anchors import anchors_check
from liaison.core.errors import PermissionDenied


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def audit_chain_verify(*, batch_size: int = 2000) -> ChainReport:
    """Walk the chain in order; stop at the first event whose link or hash does not match.

    The chain head (read first, so events appended meanwhile are left for the next run) names the
    last event: a gap in the sequence, a changed or re-linked row and events cut off the end are
    all reported with the sequence number of the first broken link. Then the heads written outside the
    database (anchors) must still match: a rewrite that recomputed every hash with the key is caught there.
    """
    head = AuditChainHead.objects.filter(pk=1).first()
    events = AuditEvent.objects.order_by("seq")
    if head is not None:
        events = events.filter(seq__lte=head.last_seq)
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for event in events.iterator(chunk_size=batch_size):
        if event.seq != expected_seq:
            return ChainReport(checked, expected_seq, _("第%(seq)d号事件缺失。") % {"seq": expected_seq})
        if event.prev_hash != expected_prev:
            return ChainReport(
                checked, event.seq, _("第%(seq)d号事件的前序哈希与上一事件不符。") % {"seq": event.seq}
            )
        if event_hash(event) != event.hash:
            return ChainReport(
                checked, event.seq, _("第%(seq)d号事件的内容与其哈希不符（已被改动）。") % {"seq": event.seq}
            )
        expected_prev = event.hash
        expected_seq += 1
        checked += 1
    report = _check_head(head, checked, expected_prev)
    if report is not None:
        return report
    anchored = anchors_check()
    if anchored is not None:
        return ChainReport(checked, anchored[0], anchored[1])
    return ChainReport(checked)


def _check_head(head: AuditChainHead | None, checked: int, last_hash: str) -> ChainReport | None:
    """The head must name the last event checked: otherwise events were cut off or rewritten."""
    if head is None:
        if checked:
            return ChainReport(checked, checked, _("审计链头记录缺失，无法确认末尾事件是否完整。"))
        return None
    if head.last_seq > checked:
        return ChainReport(
            checked,
            checked + 1,
            _("审计链末尾的事件缺失：链头记录到第%(last)d号，实际只有%(n)d条。")
            % {"last": head.last_seq, "n": checked},
        )
    if head.last_hash != last_hash:
        return ChainReport(
            checked - 1, checked, _("第%(seq)d号事件与链头记录的哈希不符（已被改动）。") % {"seq": checked}
        )
    return None


def audit_chain_check(*, actor: Any) -> ChainReport:
    """Verify the chain on a user's request (centre or supervisor); a read, so nothing is recorded."""
    if not can_verify_audit_chain(actor):
        raise PermissionDenied(_("您无权校验审计日志。"))
    return audit_chain_verify()
