"""Server-side timings of the pages that must stay fast at scale, measured in-process with the test client.

Each page is requested once to warm caches, once more under CaptureQueriesContext to count its SQL
queries, then `repeat` times for the timings (no query capture, so capture costs nothing there): the
wall-clock time and the process's CPU time (`time.process_time`) of each request. On a shared machine the
CPU time is the fairer figure; the wall-clock time adds the database's work and the waits for a core.
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

from liaison.consultations.models import Consultation
from liaison.consultations.selectors.consultations import WAITING
from liaison.coordination.models import Difficulty
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
    cpu_p50: float = 0.0  # CPU time of the process per request, ms
    key: str = ""  # which page, whoever requested it (stable across databases)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (of a non-empty list)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def measure(
    name: str, mode: str, call: Callable[[], object], repeat: int, note: str = "", *, key: str = ""
) -> PageResult:
    call()
    with CaptureQueriesContext(connection) as captured:
        call()
    queries = len(captured.captured_queries)  # read now: the next request clears the connection's log
    timings, cpu = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        call()
        cpu.append((time.process_time() - cpu_started) * 1000)
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
        cpu_p50=percentile(cpu, 50),
        key=key or name,
    )


def _get(client: Client, url: str) -> Callable[[], object]:
    def call() -> object:
        response = client.get(url, secure=True)  # production serves HTTPS only (SECURE_SSL_REDIRECT)
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


def busiest_guide() -> tuple[User | None, int]:
    """The guide with most consultations waiting on their reply (待回复), and how many; else any guide."""
    row = (
        Consultation.objects.filter(WAITING, guide__is_active=True)
        .values("guide")
        .annotate(n=Count("pk"))
        .order_by("-n", "guide")
        .first()
    )
    if row is not None:
        return User.objects.get(pk=row["guide"]), int(row["n"])
    guide = User.objects.filter(memberships__role=Role.GUIDE, is_active=True).order_by("pk").first()
    return guide, 0


def _item_list(officer: Officer, client: Client, project: Project, repeat: int) -> PageResult:
    try:
        url = reverse("tracking:project", args=[project.pk])
    except NoReverseMatch:
        user = officer.user

        def items() -> object:
            return project_item_list(user=User.objects.get(pk=user.pk), project=project)

        return measure(
            f"project item list, project {project.pk}",
            "selector",
            items,
            repeat,
            "tracking:project is not routed: project_item_list timed directly",
            key="project_items",
        )
    return measure(f"project items {url}", "http", _get(client, url), repeat, key="project_items")


def run_bench(repeat: int) -> tuple[dict[str, str], list[PageResult]]:
    """Time the core pages of issue 16 for the busiest officer and guide and for a centre admin."""
    officer = busiest_officer()
    admin = User.objects.filter(memberships__role=Role.CENTER_ADMIN).order_by("pk").first()
    if admin is None:
        raise BenchError("没有中心工作人员账号：请先运行 load_demo。")
    project = largest_project(officer)
    guide, waiting = busiest_guide()
    officer_client, admin_client, guide_client = Client(), Client(), Client()
    officer_client.force_login(officer.user)
    admin_client.force_login(admin)
    who_o, who_a = officer.user.username, admin.username
    # (key, label, client, url name)
    pages = [
        ("my_projects", "my projects", officer_client, who_o, "intake:my_projects"),
        ("centre_dashboard", "centre dashboard", admin_client, who_a, "web:dashboard"),
        ("centre_overview", "centre overview", admin_client, who_a, "tracking:overview"),
        ("officer_dashboard", "officer's dashboard", officer_client, who_o, "web:dashboard"),
        ("officer_todo", "officer's 待办", officer_client, who_o, "tracking:todo"),
    ]
    results = [
        measure(f"{label} {reverse(name)} ({who})", "http", _get(client, reverse(name)), repeat, key=key)
        for key, label, client, who, name in pages
    ]
    results.append(_item_list(officer, officer_client, project, repeat))
    more = [
        ("consultations_officer", "consultations", officer_client, who_o, "consultations:list"),
        ("consultations_centre", "consultations", admin_client, who_a, "consultations:list"),
        ("difficulties_centre", "difficulties", admin_client, who_a, "coordination:list"),
    ]
    if guide is not None:
        guide_client.force_login(guide)
        more.insert(0, ("guide_inbox", "guide's 待回复", guide_client, guide.username, "consultations:inbox"))
    note = "" if waiting else "nothing waits on a guide: seed_scale --extras-only adds consultations"
    results += [
        measure(
            f"{label} {reverse(name)} ({who})",
            "http",
            _get(client, reverse(name)),
            repeat,
            note if key == "guide_inbox" else "",
            key=key,
        )
        for key, label, client, who, name in more
    ]
    context = {
        "database": connection.vendor,
        "projects": str(Project.objects.count()),
        "project_items": str(ProjectItem.objects.count()),
        "consultations": str(Consultation.objects.count()),
        "difficulties": str(Difficulty.objects.count()),
        "officer": officer.user.username,
        "officer_projects": str(officer.assignments.filter(is_active=True).count()),
        "guide": guide.username if guide else "-",
        "guide_waiting": str(waiting),
        "item_list_project": str(project.pk),
        "item_list_rows": str(ProjectItem.objects.filter(project=project).count()),
        "repeat": str(repeat),
    }
    return context, results
