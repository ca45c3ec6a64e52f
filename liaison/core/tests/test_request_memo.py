"""The read-only request's memo: one answer per key inside a GET, a fresh answer everywhere else."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from liaison.core.request_memo import RequestMemoMiddleware, memo_scope, memoized, recall, remember


def _counting_view() -> tuple[list[int], RequestMemoMiddleware]:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    def view(request: HttpRequest) -> HttpResponse:
        first, second = memoized("k", compute), memoized("k", compute)
        return HttpResponse(f"{first},{second}")

    return calls, RequestMemoMiddleware(view)


def test_a_get_request_computes_a_key_once_and_the_next_request_afresh() -> None:
    calls, handler = _counting_view()
    assert handler(RequestFactory().get("/")).content == b"1,1"
    assert handler(RequestFactory().get("/")).content == b"2,2"
    assert len(calls) == 2


def test_a_post_request_and_code_outside_a_request_compute_every_time() -> None:
    calls, handler = _counting_view()
    assert handler(RequestFactory().post("/")).content == b"1,2"
    assert memoized("k", lambda: "outside") == "outside"
    remember("k", "kept")
    assert recall("k") is None
    assert len(calls) == 2


def test_a_scope_keeps_what_it_was_given_until_it_closes() -> None:
    with memo_scope():
        remember("k", 5)
        assert recall("k") == 5 and memoized("k", lambda: 6) == 5
    assert recall("k") is None
