"""What stands in the way of suspending an officer: their projects still in service, which the centre must
reassign first (issue: an officer who is suspended or leaves is never left holding projects). The officers
app knows nothing of projects, so the app that does (intake) registers a provider in its AppConfig.ready."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from liaison.officers.models import Officer


@dataclass(frozen=True)
class Blocker:
    label: str  # e.g. the project's name and the officer's role on it
    url: str  # where the centre resolves it (the project's reassignment page)


_PROVIDERS: list[Callable[[Officer], list[Blocker]]] = []


def register_blocker_provider(provider: Callable[[Officer], list[Blocker]]) -> None:
    """Declare a source of blockers (idempotent)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def suspension_blockers(officer: Officer) -> list[Blocker]:
    """Everything that must be reassigned before `officer` can be suspended."""
    return [blocker for provider in _PROVIDERS for blocker in provider(officer)]
