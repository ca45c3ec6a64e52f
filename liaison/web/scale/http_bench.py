"""Throughput of our pages over HTTP against the ceiling page of `../shared/bench/ceiling/`, in one run.

Both are served by gunicorn (2 workers each) on loopback and loaded by `wrk` (2 threads x 16 connections)
alternately: ceiling, page, ceiling, page ..., with a pause between runs so queued requests drain. Each
page's requests/s is reported over the ceiling's measured just before it. The signed-in pages use
sessions made here with `Client.force_login` on the same database (the session store is the database).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse

from liaison.directory.models import User
from liaison.directory.roles import Role
from liaison.web.scale.bench import BenchError, busiest_officer, largest_project

CEILING_PORT, OUR_PORT = 18790, 18791


@dataclass
class HttpResult:
    name: str
    ceiling_rps: float
    page_rps: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def ratio(self) -> float:
        return self.page_rps / self.ceiling_rps if self.ceiling_rps else 0.0


def _session_cookie(user: User) -> str:
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def wait_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.3)
    raise BenchError(f"{url} did not come up in {seconds:.0f} s")


@contextmanager
def http_server(args: list[str], env: dict[str, str], probe: str) -> Iterator[None]:
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        wait_up(probe)
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def _parse_duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, *, seconds: int, cookie: str = "") -> tuple[float, float, float, int]:
    """requests/s, p50 and p99 latency in ms, and non-2xx/socket errors of one wrk run."""
    args = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url]
    if cookie:
        args[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _parse_duration_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _parse_duration_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    return rps, p50, p99, errors


def run_http_bench(*, ceiling_dir: Path, ceiling_db: str, seconds: int, pause: float) -> list[HttpResult]:
    if shutil.which("wrk") is None:
        raise BenchError("wrk is missing: scripts/system-packages.sh wrk")
    officer = busiest_officer()
    admin = User.objects.filter(memberships__role=Role.CENTER_ADMIN).order_by("pk").first()
    if admin is None:
        raise BenchError("没有中心工作人员账号：请先运行 load_demo。")
    project = largest_project(officer)
    pages = [
        ("officer's 待办 /", reverse("web:dashboard"), officer.user),
        ("我的项目", reverse("intake:my_projects"), officer.user),
        (f"project items {project.pk}", reverse("tracking:project", args=[project.pk]), officer.user),
        ("centre dashboard /", reverse("web:dashboard"), admin),
        ("centre overview page", reverse("tracking:overview"), admin),
    ]
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    env = dict(os.environ)
    ceiling_env = env | {"DATABASE_URL": ceiling_db}
    subprocess.run([sys.executable, str(ceiling_dir / "ceiling.py"), "setup"], env=ceiling_env, check=True)  # noqa: S603
    ours_env = env | {"ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0"}
    ceiling_args = [gunicorn, "--chdir", str(ceiling_dir), "-w", "2", "-b", f"127.0.0.1:{CEILING_PORT}"]
    ours_args = [gunicorn, "-w", "2", "-b", f"127.0.0.1:{OUR_PORT}", "config.wsgi:application"]
    ceiling_url = f"http://127.0.0.1:{CEILING_PORT}/fortunes"
    results = []
    with (
        http_server([*ceiling_args, "ceiling:application"], ceiling_env, ceiling_url),
        http_server(ours_args, ours_env, f"http://127.0.0.1:{OUR_PORT}/healthz"),
    ):
        for name, path, user in pages:
            cookie = _session_cookie(user)
            wrk(f"http://127.0.0.1:{OUR_PORT}{path}", seconds=2, cookie=cookie)  # warm both workers
            time.sleep(pause)
            ceiling_rps = wrk(ceiling_url, seconds=seconds)[0]
            time.sleep(pause)
            rps, p50, p99, errors = wrk(f"http://127.0.0.1:{OUR_PORT}{path}", seconds=seconds, cookie=cookie)
            time.sleep(pause)
            results.append(HttpResult(name, ceiling_rps, rps, p50, p99, errors))
    return results
