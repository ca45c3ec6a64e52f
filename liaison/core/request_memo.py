"""Values read once per read-only request: today's deadline settings, the working-day calendar of a span
of years, the user's scope. A GET page asks for them from several selectors and from every light; inside
one GET they cannot change, so the first answer serves the rest of the request.

Only GET and HEAD requests memoize (a POST may change what it reads back); outside a request (jobs,
shell, tests calling selectors directly) `memoized` computes every time. The store lives in a context
variable, so threads and async tasks never share it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_STORE: ContextVar[dict[Hashable, Any] | None] = ContextVar("liaison_request_memo", default=None)
# The keys asked for inside an `observed_reads()` block (whether the store answered or computed them).
_READS: ContextVar[list[Hashable] | None] = ContextVar("liaison_request_memo_reads", default=None)
READ_ONLY_METHODS = frozenset({"GET", "HEAD"})


def request_memo_active() -> bool:
    """Whether a read-only request's store is open (a caller may then load a wider, shareable answer)."""
    return _STORE.get() is not None


def _note(key: Hashable) -> None:
    reads = _READS.get()
    if reads is not None:
        reads.append(key)


def recall(key: Hashable) -> Any:
    """What this request stored under `key` (None when nothing is, or outside a read-only request)."""
    _note(key)
    store = _STORE.get()
    return None if store is None else store.get(key)


def remember(key: Hashable, value: Any) -> None:
    """Store `value` under `key` for the rest of this read-only request (nothing outside one)."""
    store = _STORE.get()
    if store is not None:
        store[key] = value


def memoized(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()` once per read-only request for `key`; every time elsewhere."""
    _note(key)
    store = _STORE.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    value: T = store[key]
    return value


@contextmanager
def memo_scope(active: bool = True) -> Iterator[None]:
    """A fresh store for the block (none when not `active`), dropped after it."""
    token = _STORE.set({} if active else None)
    try:
        yield
    finally:
        _STORE.reset(token)


@contextmanager
def observed_reads() -> Iterator[list[Hashable]]:
    """The memo keys asked for inside the block (in or outside a request): what it read that the memo
    may have answered without a query."""
    reads: list[Hashable] = []
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)


class RequestMemoMiddleware:
    """Opens a fresh store for each GET/HEAD request (responses are rendered inside it) and drops it after."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with memo_scope(request.method in READ_ONLY_METHODS):
            return self.get_response(request)
