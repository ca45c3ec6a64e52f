"""A bounded load run: gunicorn (2 workers) on the scale database, Locust headless with simulated users of
four roles signing in through the real sign-in page and browsing their sidebar pages (locustfile.py).

The accounts of those roles are given one throwaway password first (`LOAD_PASSWORD`): this is meant for a
scale database seeded by `seed_scale`, never for real data. Locust's figures come from its CSV summary.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils import timezone

from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.intake.models import Assignment
from liaison.web.navigation import NAVIGATION
from liaison.web.scale.bench import BenchError
from liaison.web.scale.http_bench import http_server

# simulated role -> the account roles it signs in as
ROLES: dict[str, tuple[str, ...]] = {
    "officer": (Role.OFFICER,),
    "centre": (Role.CENTER_ADMIN, Role.CENTER_LEADER),
    "enterprise": (Role.APPLICANT,),
    "guide": (Role.GUIDE,),
}
PROJECTS_PER_OFFICER = 5  # the project pages an officer opens besides the sidebar


@dataclass(frozen=True)
class LoadRow:
    name: str
    requests: int
    failures: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    rps: float


@functools.cache
def _pages(roles: tuple[str, ...]) -> list[str]:
    """The sidebar of these roles, without the settings pages (a user's core pages)."""
    names = [e.url_name for e in NAVIGATION if set(roles) & e.roles and "settings" not in e.url_name]
    return [reverse(name) for name in dict.fromkeys(names)]


def load_accounts(password: str) -> dict[str, list[dict[str, object]]]:
    """Every active account of the four roles, given `password`, each with the pages its own roles browse."""
    hashed = make_password(password)  # hashed once: thousands of PBKDF2 runs would take minutes
    plan: dict[str, list[dict[str, object]]] = {}
    for simulated, roles in ROLES.items():
        users = User.objects.filter(is_active=True, memberships__role__in=roles).distinct().order_by("pk")
        User.objects.filter(pk__in=users.values("pk")).update(
            password=hashed, password_changed_at=timezone.now(), must_change_password=False
        )
        accounts: list[dict[str, object]] = []
        for user in users.only("pk", "username"):
            pages = [*_pages(tuple(sorted(user.role_set)))]  # a copy: the cached list stays as it is
            if simulated == "officer":
                mine = Assignment.objects.filter(officer__user=user, is_active=True).order_by("pk")
                ids = mine.values_list("project_id", flat=True)[:PROJECTS_PER_OFFICER]
                pages += [reverse("tracking:project", args=[pk]) for pk in ids]
            accounts.append({"username": user.username, "pages": pages})
        if not accounts:
            raise BenchError(f"没有 {simulated} 账号：请先运行 load_demo 和 seed_scale。")
        plan[simulated] = accounts
    return plan


def _rows(stats_csv: Path) -> list[LoadRow]:
    with stats_csv.open(newline="") as fh:
        return [
            LoadRow(
                name=row["Name"],
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                median_ms=float(row["50%"] or 0),
                p95_ms=float(row["95%"] or 0),
                p99_ms=float(row["99%"] or 0),
                rps=float(row["Requests/s"] or 0),
            )
            for row in csv.DictReader(fh)
        ]


def run_load(
    *,
    users: int,
    spawn_rate: float,
    run_time: str,
    wait: str,
    port: int,
    workers: int,
    out_dir: Path,
    password: str,
) -> tuple[list[LoadRow], str]:
    """Serve the project with gunicorn and load it with Locust; the per-page rows (the last: Aggregated)
    and Locust's failure report."""
    out_dir.mkdir(parents=True, exist_ok=True)
    accounts = out_dir / "accounts.json"
    accounts.write_text(json.dumps(load_accounts(password), ensure_ascii=False))
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ) | {"ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0"}
    gunicorn = [str(bin_dir / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    locust = [
        str(bin_dir / "locust"),
        "-f",
        str(Path(__file__).with_name("locustfile.py")),
        "--headless",
        "--host",
        f"http://127.0.0.1:{port}",
        "--users",
        str(users),
        "--spawn-rate",
        str(spawn_rate),
        "--run-time",
        run_time,
        "--csv",
        str(out_dir / "load"),
        "--only-summary",
        "--stop-timeout",
        "30",
    ]
    load_env = env | {"LOAD_ACCOUNTS": str(accounts), "LOAD_PASSWORD": password, "LOAD_WAIT": wait}
    with http_server([*gunicorn, "config.wsgi:application"], env, f"http://127.0.0.1:{port}/healthz"):
        done = subprocess.run(locust, env=load_env, capture_output=True, text=True, check=False)  # noqa: S603
    if not (out_dir / "load_stats.csv").exists():
        raise BenchError(f"locust produced no figures: {done.stderr[-3000:]}")
    failures = out_dir / "load_failures.csv"
    return _rows(out_dir / "load_stats.csv"), failures.read_text() if failures.exists() else ""
