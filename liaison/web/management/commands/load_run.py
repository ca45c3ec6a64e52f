"""manage.py load_run: a bounded load run with Locust against gunicorn on the scale database."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liaison.web.scale.bench import BenchError
from liaison.web.scale.load import run_load


class Command(BaseCommand):
    help = (
        "Serve this project with gunicorn (--workers, 2) on loopback and load it with Locust headless: "
        "--users simulated officers, centre staff, enterprises and guides (200) signing in and browsing "
        "their pages for --run-time (10m); print requests, failures and p95 per page. Gives the accounts "
        "of those roles one throwaway password: run it on a scale database only (seed_scale)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--users", type=int, default=200)
        parser.add_argument("--spawn-rate", type=float, default=1.0, help="Users started per second.")
        parser.add_argument("--run-time", default="10m", help="Locust's --run-time, e.g. 3m, 10m, 1h.")
        parser.add_argument(
            "--wait", default="30,90", help="Seconds a user pauses between pages: min,max (default 30,90)."
        )
        parser.add_argument("--port", type=int, default=18792)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--out", default="", help="Folder for Locust's CSV files (default: a temp one).")

    def handle(self, *args: Any, **options: Any) -> None:
        if os.environ.get("DEBUG") or options["users"] < 1:
            raise CommandError("Run with production settings (DEBUG unset) and at least one user.")
        out = Path(options["out"] or tempfile.mkdtemp(prefix="load-"))
        try:
            rows, failures = run_load(
                users=options["users"],
                spawn_rate=options["spawn_rate"],
                run_time=options["run_time"],
                wait=options["wait"],
                port=options["port"],
                workers=options["workers"],
                out_dir=out,
                password=os.environ.get("LOAD_PASSWORD", "Load-only@2026"),
            )
        except BenchError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"users={options['users']} spawn_rate={options['spawn_rate']} run_time={options['run_time']} "
            f"wait={options['wait']} workers={options['workers']} csv={out}"
        )
        self.stdout.write(
            f"{'request':<52} {'count':>7} {'errors':>6} {'p50_ms':>7} {'p95_ms':>7} {'p99_ms':>7} {'rps':>6}"
        )
        for r in rows:
            self.stdout.write(
                f"{r.name[:52]:<52} {r.requests:>7} {r.failures:>6} {r.median_ms:>7.0f} {r.p95_ms:>7.0f} "
                f"{r.p99_ms:>7.0f} {r.rps:>6.1f}"
            )
        if failures.count("\n") > 1:
            self.stdout.write("failures:\n" + failures)
