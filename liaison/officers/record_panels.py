"""Sections of an officer's record page that apps above officers provide (served projects, evaluations).

An app registers `fn(viewer, officer) -> RecordPanel | None` from its `AppConfig.ready()`; the record page
renders each panel's template with its context. None: nothing to show this viewer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RecordPanel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


_PROVIDERS: dict[str, Callable[[Any, Any], RecordPanel | None]] = {}


def register_record_panel(key: str, provider: Callable[[Any, Any], RecordPanel | None]) -> None:
    _PROVIDERS[key] = provider


def record_panels(viewer: Any, officer: Any) -> list[RecordPanel]:
    panels = [p for p in (provider(viewer, officer) for provider in _PROVIDERS.values()) if p is not None]
    return sorted(panels, key=lambda p: p.order)
