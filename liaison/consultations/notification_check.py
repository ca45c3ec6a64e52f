"""一次性告知 measured: what a later reply adds to what the enterprise was already told about the item.

Entries are compared after normalisation (NFKC, spaces removed, case folded), so "建设用地规划许可证 "
and "建设用地规划许可证" are the same material.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from liaison.consultations.models import OpinionReply, ReplyMaterial


def normalised(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


@dataclass
class ToldBefore:
    replies: int = 0
    materials: set[str] = field(default_factory=set)
    conditions: set[str] = field(default_factory=set)


def told_before(*, project_id: int, approval_item_id: int, exclude_reply_id: int | None = None) -> ToldBefore:
    """Everything earlier replies on this project's item told (two queries)."""
    replies = OpinionReply.objects.filter(project_id=project_id, approval_item_id=approval_item_id)
    if exclude_reply_id:
        replies = replies.exclude(pk=exclude_reply_id)
    told = ToldBefore()
    for conditions in replies.values_list("conditions", flat=True):
        told.replies += 1
        told.conditions |= {normalised(c) for c in conditions or []}
    told.materials = {
        normalised(n) for n in ReplyMaterial.objects.filter(reply__in=replies).values_list("name", flat=True)
    }
    return told


def additions(told: ToldBefore, *, materials: Iterable[str], conditions: Iterable[str]) -> list[str]:
    """The materials and conditions not in any earlier reply (empty when this is the first complete reply)."""
    if not told.replies:
        return []
    added = [f"材料：{m}" for m in materials if normalised(m) not in told.materials]
    added += [f"条件：{c}" for c in conditions if normalised(c) not in told.conditions]
    return added
