"""The portal's throughput benchmark (manage.py portal_benchmark): requests per second of the public pages
against a bare Django page, in the same process, through the same middleware (django.test.Client).

"Bare" is measured twice: `bare_layout` renders the public layout (public_base.html) with a fixed
paragraph and reads nothing from the database — what any public page costs at the least; `bare_http` is
an HttpResponse with no template at all (the floor of the stack). The target compares with bare_layout."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.test import Client
from django.urls import include, path

TARGET_RATIO = 0.80
PAGES = (
    "/portal/",
    "/portal/service/",
    "/portal/process/",
    "/portal/guides/",
    "/portal/statistics/",
    "/portal/rules/",
)


def bare_layout(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/page.html",
        {"fragment": "<p>bare</p>", "as_of": None, "page_title": "bare", "crumbs": []},
    )


def bare_http(request: HttpRequest) -> HttpResponse:
    return HttpResponse("bare")


# The benchmark's URLconf: the project's, plus the two bare pages.
urlpatterns = [
    path("__bench__/bare-layout/", bare_layout),
    path("__bench__/bare-http/", bare_http),
    path("", include("config.urls")),
]


@dataclass(frozen=True)
class Throughput:
    path: str
    requests: int
    seconds: float
    cpu_seconds: float = 0.0

    @property
    def per_second(self) -> float:
        """Requests per second of wall-clock time: what this process served, other work included."""
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def per_cpu_second(self) -> float:
        """Requests per second of this process's CPU time: what one dedicated core would serve. The
        public pages read nothing from the database on a cache hit, so nothing is spent outside it."""
        return self.requests / self.cpu_seconds if self.cpu_seconds else 0.0


def _warm(client: Client, url: str) -> None:
    """A few requests first, so that the page's cache is filled; a page that does not answer 200 stops the run."""
    for _i in range(5):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")


def measure(client: Client, url: str, seconds: float) -> Throughput:
    """Requests of `url` repeated for about `seconds` after a warm-up (the cache filled)."""
    _warm(client, url)
    count, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while (elapsed := time.perf_counter() - start) < seconds:
        client.get(url)
        count += 1
    return Throughput(url, count, elapsed, time.process_time() - cpu_start)


def measure_alternating(
    client: Client, bare_url: str, url: str, seconds: float
) -> tuple[Throughput, Throughput]:
    """`bare_url` and `url` requested in turn, one request each, for about `seconds` in all (after a warm-up):
    a burst of other work on the machine falls on both alike, which rounds of a second each do not ensure."""
    _warm(client, bare_url)
    _warm(client, url)
    spent = {bare_url: [0.0, 0.0], url: [0.0, 0.0]}  # wall, CPU
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for target in (bare_url, url):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(target)
            spent[target][0] += time.perf_counter() - wall
            spent[target][1] += time.process_time() - cpu
        count += 1
    bare, page = (Throughput(t, count, spent[t][0], spent[t][1]) for t in (bare_url, url))
    return bare, page
