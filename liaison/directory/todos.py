"""待办: what waits on a user, declared once per kind of work by the app that owns it.

An app registers a `TodoSource` from its `AppConfig.ready()`; the dashboard's 我的待办 card and the
sidebar's badges both read `todos_for(user)`, so a count shown in one place is the count in the other
and every entry leads to the list behind it. A source's `count` returns the queryset of the rows waiting
on the user (not evaluated): the rows of every source the user is asked are counted together in one SQL
statement, so a page's cost does not grow with the number of apps that add to-dos. A source whose count
cannot be one queryset returns an int instead; `None` means nothing can wait on this user. Sources whose
roles the user lacks are not asked. Each source's statement is built once per user and day and kept
(`todo_statements`): only the COUNT runs on each request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise

from liaison.directory.todo_statements import CountStatement, count_statement, source_statement

Counted = QuerySet[Any] | int | None


@dataclass(frozen=True)
class TodoSource:
    key: str  # unique, "<app>.<what>", e.g. "closure.receipt"
    label: str | Promise  # what the user is asked to do, e.g. _("待确认移交")
    url_name: str  # the list that shows these rows
    roles: frozenset[str]  # the roles this work can wait on
    count: Callable[[Any], Counted]  # the rows waiting on this user now (a queryset), or their number
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
    asked = [source for source in todo_sources() if user.has_role(*source.roles)]
    counts = count_answers({source.key: source_statement(source.key, source.count, user) for source in asked})
    entries: list[TodoEntry] = []
    for source in asked:
        count = counts[source.key]
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


def counts_of(results: dict[str, Counted]) -> dict[str, int]:
    """The sources' answers as numbers: the querysets counted together in one statement per database."""
    return count_answers(
        {key: count_statement(v) if isinstance(v, QuerySet) else int(v or 0) for key, v in results.items()}
    )


def count_rows_together(querysets: dict[str, QuerySet[Any]]) -> dict[str, int]:
    """COUNT(*) of each queryset in one SQL statement per database (see `count_answers`)."""
    return count_answers({key: count_statement(rows) for key, rows in querysets.items()})


def count_answers(answers: dict[str, CountStatement | int]) -> dict[str, int]:
    """Numbers as they are; the statements counted together in one SQL statement per database:
    SELECT (SELECT COUNT(*) FROM (<rows 1>) t0), (SELECT COUNT(*) FROM (<rows 2>) t1), …
    A statement that can match nothing (`.none()`, `pk__in=[]`) counts 0 without SQL."""
    counts: dict[str, int] = {}
    by_database: dict[str, list[tuple[str, CountStatement]]] = {}
    for key, answer in answers.items():
        if isinstance(answer, int):
            counts[key] = answer
        elif answer.sql is None:
            counts[key] = 0
        else:
            by_database.setdefault(answer.database, []).append((key, answer))
    for database, parts in by_database.items():
        selects = ", ".join(
            # the querysets' own compiled SQL; every value stays a parameter
            f"(SELECT COUNT(*) FROM ({statement.sql}) todo_{n})"  # noqa: S608
            for n, (_key, statement) in enumerate(parts)
        )
        with connections[database].cursor() as cursor:
            cursor.execute(f"SELECT {selects}", [p for _key, statement in parts for p in statement.params])
            row = cursor.fetchone()
        counts.update({key: int(value) for (key, _s), value in zip(parts, row, strict=True)})
    return counts


def todo_count(key: str, user: Any) -> int:
    """One source's count for `user` (what its entry on the card would show)."""
    source = _SOURCES[key]
    return count_answers({key: source_statement(key, source.count, user)})[key]


def todo_badges(entries: list[TodoEntry]) -> dict[str, int]:
    """Counts per list URL name, for the sidebar (two sources on one list add up)."""
    badges: dict[str, int] = {}
    for entry in entries:
        badges[entry.url_name] = badges.get(entry.url_name, 0) + entry.count
    return badges
