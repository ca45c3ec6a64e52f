"""Fault tests: run a real `manage.py` process on the test's database, stop it at a named pause point
(liaison/core/faults.py) and kill it with SIGKILL, then run it again to the end.

The child reaches the database the test uses: PostgreSQL's test database (the test is transactional, so
its rows are committed), or on SQLite the file `shared_database` copied it to
(liaison/intake/tests/test_concurrency.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from liaison.core.faults import PAUSE_AT, PAUSE_FILE

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 120  # a bound on a hung child, never a measured duration


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        if s["NAME"] == ":memory:" or "mode=memory" in str(s["NAME"]):
            raise RuntimeError("a child process cannot reach an in-memory database: use shared_database")
        return f"sqlite:///{s['NAME']}"
    auth = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {PAUSE_AT, PAUSE_FILE, "DEBUG"}}
    env.update(TESTING="1", DATABASE_URL=database_url(), MEDIA_ROOT=str(settings.MEDIA_ROOT), **extra)
    return env


def manage(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `manage.py args` to the end; fail the test if it fails."""
    done = subprocess.run(  # noqa: S603 - this interpreter, manage.py and the test's arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed: {done.stderr[-3000:]}")
    return done


def manage_killed_at(point: str, tmp_path: Path, *args: str) -> int:
    """Run `manage.py args` until it waits at pause point `point`, then SIGKILL it; returns its exit code."""
    marker = tmp_path / f"paused-{point.replace(':', '-')}"
    marker.unlink(missing_ok=True)
    log = tmp_path / f"{marker.name}.log"
    with log.open("w") as err:
        child = subprocess.Popen(  # noqa: S603 - this interpreter, manage.py and the test's arguments
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=_env(**{PAUSE_AT: point, PAUSE_FILE: str(marker)}),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    deadline = time.monotonic() + WAIT_SECONDS
    try:
        while not (marker.exists() and marker.read_text() == str(child.pid)):
            if child.poll() is not None:
                raise AssertionError(f"the child ended before {point}: {log.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the child never reached {point}")
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        return child.wait(timeout=WAIT_SECONDS)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
