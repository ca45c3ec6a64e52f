"""待办: what waits on a user, declared once per kind of work by the app that owns it.

An app registers a `TodoSource` from its `AppConfig.ready()`; the dashboard's 我的待办 card and the
sidebar's badges both read `todos_for(user)`, so a count shown in one place is the count in the other
and every entry leads to the list behind it. A source's `count` runs one query (or a constant few) for
one user; sources whose roles the user lacks are not asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class TodoSource:
    key: str  # unique, "<app>.<what>", e.g. "closure.receipt"
    label: str | Promise  # what the user is asked to do, e.g. _("待确认移交")
    url_name: str  # the list that shows these rows
    roles: frozenset[str]  # the roles this work can wait on
    count: Callable[[Any], int]  # how many rows wait on this user now
    query: str = ""  # appended to the URL, e.g. "?state=handover"
    order: int = 100  # position on the card (lower first)


@dataclass(frozen=True)
class TodoEntry:
    key: str
    label: str
    count: int
    url: str
    url_name: str


_SOURCES: dict[str, TodoSource] = {}


def register_todo(source: TodoSource) -> None:
    """Declare a kind of to-do; registering the same key again replaces it (module reloads in tests)."""
    _SOURCES[source.key] = source


def todo_sources() -> list[TodoSource]:
    return sorted(_SOURCES.values(), key=lambda s: (s.order, s.key))


def todos_for(user: Any, *, include_empty: bool = False) -> list[TodoEntry]:
    """The to-dos waiting on `user`, in card order; empty ones only when asked."""
    if not getattr(user, "is_authenticated", False):
        return []
    entries: list[TodoEntry] = []
    for source in todo_sources():
        if not user.has_role(*source.roles):
            continue
        count = source.count(user)
        if count or include_empty:
            entries.append(
                TodoEntry(
                    key=source.key,
                    label=str(source.label),
                    count=count,
                    url=reverse(source.url_name) + source.query,
                    url_name=source.url_name,
                )
            )
    return entries


def todo_badges(entries: list[TodoEntry]) -> dict[str, int]:
    """Counts per list URL name, for the sidebar (two sources on one list add up)."""
    badges: dict[str, int] = {}
    for entry in entries:
        badges[entry.url_name] = badges.get(entry.url_name, 0) + entry.count
    return badges
