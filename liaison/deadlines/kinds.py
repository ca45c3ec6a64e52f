"""The kinds of deadline the platform keeps, each with its own warning and repeat settings.

A kind is declared by the app that owns the deadline (in its AppConfig.ready), so that the engine
never imports the apps above it: `register(DeadlineKind(...))`. The settings page lists every kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DeadlineKind:
    code: str  # "tracking.item", "consultation.reply", …: the key of its settings row and reminder log
    label: Any  # a lazy translation: what the centre reads on the settings page
    warning_days: int  # default: yellow within this many working days of the deadline (inclusive)
    repeat_days: int  # default: reminded again every this many working days overdue
    warning_min: int = 0
    warning_max: int = 30
    repeat_min: int = 1
    repeat_max: int = 30
    order: int = 0  # position on the settings page


_KINDS: dict[str, DeadlineKind] = {}


def register(kind: DeadlineKind) -> DeadlineKind:
    """Declare a kind of deadline (idempotent for the same declaration)."""
    known = _KINDS.get(kind.code)
    if known is not None and known != kind:
        raise ValueError(f"deadline kind {kind.code!r} declared twice differently")
    _KINDS[kind.code] = kind
    return kind


def deadline_kind(code: str) -> DeadlineKind:
    """The declared kind `code` (KeyError for an unknown one: a programming error)."""
    return _KINDS[code]


def deadline_kinds() -> list[DeadlineKind]:
    """Every declared kind, in page order."""
    return sorted(_KINDS.values(), key=lambda k: (k.order, k.code))


def is_declared(code: str) -> bool:
    return code in _KINDS
