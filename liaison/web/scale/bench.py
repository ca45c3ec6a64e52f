"""Server-side timings of the pages that must stay fast at scale, measured in-process with the test client.

Each page is requested once to warm caches, once more under CaptureQueriesContext to count its SQL
queries, then `repeat` times for the timings (no query capture, so capture costs nothing there).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import Project
from liaison.officers.models import Officer, OfficerStatus
from liaison.tracking.models import ProjectItem
from liaison.tracking.selectors.items import project_item_list


class BenchError(Exception):
    """The database lacks what a page needs (run seed_scale first)."""


@dataclass
class PageResult:
    name: str
    mode: str  # "http": full request through the client; "selector": the selector alone
    runs: int
    p50: float
    p95: float
    max: float
    queries: int
    note: str = ""


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (of a non-empty list)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def measure(name: str, mode: str, call: Callable[[], object], repeat: int, note: str = "") -> PageResult:
    call()
    with CaptureQueriesContext(connection) as captured:
        call()
    queries = len(captured.captured_queries)  # read now: the next request clears the connection's log
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return PageResult(
        name,
        mode,
        repeat,
        percentile(timings, 50),
        percentile(timings, 95),
        max(timings),
        queries,
        note,
    )


def _get(client: Client, url: str) -> Callable[[], object]:
    def call() -> object:
        response = client.get(url)
        if response.status_code != 200:
            raise BenchError(f"GET {url} answered {response.status_code}")
        return response

    return call


def busiest_officer() -> Officer:
    officer = (
        Officer.objects.filter(status=OfficerStatus.ACTIVE)
        .annotate(n=Count("assignments", filter=Q(assignments__is_active=True)))
        .select_related("user")
        .order_by("-n", "pk")
        .first()
    )
    if officer is None:
        raise BenchError("没有在岗联络官：请先运行 load_demo / seed_scale。")
    return officer


def largest_project(officer: Officer) -> Project:
    project = (
        Project.objects.filter(assignments__officer=officer, assignments__is_active=True)
        .annotate(n=Count("tracking_items"))
        .order_by("-n", "pk")
        .first()
    )
    if project is None:
        raise BenchError("该联络官没有项目：请先运行 seed_scale。")
    return project


def run_bench(repeat: int) -> tuple[dict[str, str], list[PageResult]]:
    """Time the officer's projects, the centre overview, the officer's 待办 and a project's item list."""
    officer = busiest_officer()
    admin = User.objects.filter(memberships__role=Role.CENTER_ADMIN).order_by("pk").first()
    if admin is None:
        raise BenchError("没有中心工作人员账号：请先运行 load_demo。")
    project = largest_project(officer)
    officer_client, admin_client = Client(), Client()
    officer_client.force_login(officer.user)
    admin_client.force_login(admin)
    my_projects = reverse("intake:my_projects")
    results = [
        measure(
            f"my projects {my_projects} ({officer.user.username})",
            "http",
            _get(officer_client, my_projects),
            repeat,
        ),
        measure(
            f"centre overview / ({admin.username})",
            "http",
            _get(admin_client, reverse("web:dashboard")),
            repeat,
        ),
        measure(
            f"officer's 待办 / ({officer.user.username})",
            "http",
            _get(officer_client, reverse("web:dashboard")),
            repeat,
        ),
    ]
    try:
        url = reverse("tracking:project", args=[project.pk])
    except NoReverseMatch:
        user = officer.user

        def items() -> object:
            return project_item_list(user=User.objects.get(pk=user.pk), project=project)

        results.append(
            measure(
                f"project item list, project {project.pk}",
                "selector",
                items,
                repeat,
                "tracking:project is not routed: project_item_list timed directly",
            )
        )
    else:
        results.append(measure(f"project items {url}", "http", _get(officer_client, url), repeat))
    context = {
        "database": connection.vendor,
        "projects": str(Project.objects.count()),
        "project_items": str(ProjectItem.objects.count()),
        "officer": officer.user.username,
        "officer_projects": str(officer.assignments.filter(is_active=True).count()),
        "item_list_project": str(project.pk),
        "item_list_rows": str(ProjectItem.objects.filter(project=project).count()),
        "repeat": str(repeat),
    }
    return context, results
