"""Chain heads written outside the database (anchors): a rewrite of the trail that recomputes every hash —
possible for someone who holds the database and the key — no longer matches the heads written before it.

`audit_head_export()` appends the current head (sequence number, hash, time) as one JSON line to
settings.AUDIT_HEAD_LOG and to the `liaison.audit.head` logger (route it to syslog in production). The
scheduler runs it; `manage.py audit_export_head` does it by hand. `anchors_check()` compares every line
with the events in the database; `audit_chain_verify` calls it."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from liaison.audit.models import AuditChainHead, AuditEvent

logger = logging.getLogger("liaison.audit.head")


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: str


def _path() -> Path | None:
    return Path(settings.AUDIT_HEAD_LOG) if settings.AUDIT_HEAD_LOG else None


def anchors_read(path: Path | None = None) -> list[Anchor]:
    path = path or _path()
    if path is None or not path.exists():
        return []
    anchors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        anchors.append(Anchor(int(row["seq"]), str(row["hash"]), str(row.get("at", ""))))
    return anchors


def audit_head_export() -> Anchor | None:
    """Append the chain head unless it is the one written last; None when there is nothing new."""
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None or head.last_seq == 0:
        return None
    path = _path()
    anchor = Anchor(head.last_seq, head.last_hash, timezone.now().isoformat(timespec="seconds"))
    if path is not None:
        known = anchors_read(path)
        if known and known[-1].seq == anchor.seq and known[-1].hash == anchor.hash:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(anchor.__dict__, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
    logger.info("audit chain head seq=%s hash=%s", anchor.seq, anchor.hash)
    return anchor


def anchors_check() -> tuple[int, str] | None:
    """(sequence number, reason) of the first anchor the trail no longer matches; None if all match."""
    anchors = anchors_read()
    if not anchors:
        return None
    hashes = dict(AuditEvent.objects.filter(seq__in=[a.seq for a in anchors]).values_list("seq", "hash"))
    for anchor in anchors:
        found = hashes.get(anchor.seq)
        if found is None:
            return anchor.seq, _("第%(seq)d号事件缺失（库外记录的链头在 %(at)s 记到该事件）。") % {
                "seq": anchor.seq,
                "at": anchor.at,
            }
        if found != anchor.hash:
            return anchor.seq, _(
                "第%(seq)d号事件的哈希与库外记录的链头（%(at)s）不符：审计日志已被改写。"
            ) % {"seq": anchor.seq, "at": anchor.at}
    return None
