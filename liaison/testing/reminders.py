"""What the deadline engine recorded as sent, as tests read it: one entry per crossing (not per recipient)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from liaison.deadlines.models import ReminderSent


def crossings(kind: str, subject_ids: Iterable[int] | None = None) -> list[tuple[int, str, dt.date, int]]:
    """(subject id, threshold, due date, repeat number) of each crossing of `kind` sent, in sending order."""
    rows = ReminderSent.objects.filter(kind=kind).order_by("id")
    if subject_ids is not None:
        rows = rows.filter(subject_id__in=list(subject_ids))
    seen: dict[tuple[int, str, dt.date, int], None] = {}
    for key in rows.values_list("subject_id", "threshold", "due_on", "repeat_no"):
        seen.setdefault(key, None)
    return list(seen)
