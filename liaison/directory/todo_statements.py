"""The 待办 count statements, compiled once per user shape and kept per process.

Every page's sidebar counts the user's to-dos (`todos_for`). Counting is cheap for the database; building
the statement is not: each source's queryset is assembled and compiled by the ORM on every request (about
ten milliseconds of CPU for an officer, more than the rest of a short page). The statement a source builds
depends only on who asks — the user's id, roles, department, enterprise and active flag — and on the day,
so it is kept here under that key and only the COUNT runs per request: the figures are always read fresh
from the database, never cached.

A source's statement is kept only when that was shown for it: it is built once against a bare copy of the
user (no related objects or cached lookups of the request) while every database connection counts the
queries it runs and the request memo notes what it is asked. A source that read anything from the
database to build its statement (a list of ids, a setting, the calendar — directly or through the memo),
or whose statement is not the same when built twice in a row (a point in time such as `now()`), is asked
afresh on every request, as before. The keys hold the day, so a statement built from today's date is
never reused tomorrow; a changed setting (tests' override_settings) empties the store.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.signals import setting_changed
from django.db import connections
from django.db.models import QuerySet
from django.utils import timezone

from liaison.core.request_memo import observed_reads

MAX_STATEMENTS = 20_000  # (source, user shape) pairs kept per process, least recently used dropped first


@dataclass(frozen=True)
class CountStatement:
    """`SELECT pk FROM …` of the rows waiting, on `database`; `sql` None: it matches nothing (0, no SQL)."""

    database: str
    sql: str | None
    params: tuple[Any, ...]


_lock = threading.Lock()
_kept: OrderedDict[Hashable, CountStatement] = OrderedDict()
_asked_afresh: OrderedDict[Hashable, None] = OrderedDict()


def user_shape(user: Any) -> tuple[Any, ...]:
    """What a source's statement may depend on: who the user is, what they hold, and the day."""
    return (
        user.pk,
        user.role_set,
        getattr(user, "department_id", None),
        getattr(user, "enterprise_id", None),
        getattr(user, "is_active", True),
        timezone.localdate(),
    )


def count_statement(rows: QuerySet[Any]) -> CountStatement:
    """The statement that selects the rows' primary keys (what `count_rows_together` counts)."""
    try:
        sql, params = rows.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return CountStatement(rows.db, None, ())
    return CountStatement(rows.db, sql, tuple(params))


def source_statement(key: str, count: Any, user: Any) -> CountStatement | int:
    """The statement of source `key` for `user` (kept when it may be), or its number when the source
    answers with one (`count` is the source's callable)."""
    shape = (key, user_shape(user))
    with _lock:
        kept = _kept.get(shape)
        if kept is not None:
            _kept.move_to_end(shape)
            return kept
        afresh = shape in _asked_afresh
    if afresh:
        return _answer(count(user))
    with _counting_queries() as queries, observed_reads() as memo_reads:
        answer = _answer(count(bare_copy(user)))
        again = _answer(count(bare_copy(user))) if isinstance(answer, CountStatement) else None
    if (
        isinstance(answer, CountStatement)
        and answer == again
        and not (queries or memo_reads or _moment(answer))
    ):
        _keep(_kept, shape, answer)
    else:
        _keep(_asked_afresh, shape, None)
    return answer


def _answer(result: Any) -> CountStatement | int:
    if isinstance(result, QuerySet):
        return count_statement(result)
    return int(result or 0)


def _moment(statement: CountStatement) -> bool:
    """Whether a parameter is a point in time (the backends that pass datetimes as such)."""
    return any(isinstance(p, dt.datetime | dt.time) for p in statement.params)


def _keep(store: OrderedDict[Hashable, Any], shape: Hashable, value: Any) -> None:
    with _lock:
        store[shape] = value
        while len(store) > MAX_STATEMENTS:
            store.popitem(last=False)


def bare_copy(user: Any) -> Any:
    """The user with its own fields and roles only: no related object or lookup cached by the request."""
    model = user._meta.model  # the class itself, also behind request.user's lazy wrapper
    copy = model(**{field.attname: getattr(user, field.attname) for field in model._meta.concrete_fields})
    copy._state.adding = False
    copy._state.db = user._state.db
    copy.__dict__["role_set"] = user.role_set
    return copy


@contextmanager
def _counting_queries() -> Iterator[list[str]]:
    """The SQL statements every open database connection runs inside the block."""
    ran: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        ran.append(sql)
        return execute(sql, params, many, context)

    with ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(connection.execute_wrapper(count))
        yield ran


def forget_statements(**_: Any) -> None:
    """Empty the store (a setting changed; tests)."""
    with _lock:
        _kept.clear()
        _asked_afresh.clear()


setting_changed.connect(forget_statements, dispatch_uid="liaison.directory.todo_statements")
