"""The centre's settings of a kind of deadline: its stored row, or the kind's defaults until the centre
first saves (reading never writes, so a page costs the same queries the first time as later)."""

from __future__ import annotations

from liaison.core.request_memo import memoized
from liaison.deadlines.kinds import deadline_kind, deadline_kinds
from liaison.deadlines.models import DeadlineSettings


def deadline_settings(kind: str) -> DeadlineSettings:
    """The warning and repeat days of `kind` (an unsaved row with the defaults when none is stored); read
    once per GET request (every light of a page asks)."""
    return memoized(("deadline_settings", kind), lambda: _deadline_settings(kind))


def _deadline_settings(kind: str) -> DeadlineSettings:
    row = DeadlineSettings.objects.filter(kind=kind).select_related("updated_by").first()
    if row is None:
        declared = deadline_kind(kind)
        row = DeadlineSettings(
            kind=kind, warning_days=declared.warning_days, repeat_days=declared.repeat_days
        )
    return row


def deadline_settings_all() -> list[DeadlineSettings]:
    """Every declared kind's settings, in page order."""
    return [deadline_settings(k.code) for k in deadline_kinds()]
