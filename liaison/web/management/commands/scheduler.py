"""Enqueue every periodic job for the background worker (`db_worker`) every N minutes.

The jobs are listed once, as data, in PERIODIC_JOBS. Two schedulers at once do no harm: each job
sends every reminder exactly once (see the services they call).
"""

from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from liaison.consultations.tasks import consultation_reminders_job
from liaison.tracking.tasks import tracking_reminders_run

PERIODIC_JOBS = (tracking_reminders_run, consultation_reminders_job)


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs (reminders) every --interval minutes (--once: enqueue them once and exit)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=15.0, help="Minutes between runs (default 15).")
        parser.add_argument("--once", action="store_true", help="Enqueue each job once and exit.")

    def handle(self, *args: object, **options: Any) -> None:
        interval = float(options["interval"])
        if interval <= 0:
            raise CommandError("--interval must be a positive number of minutes.")
        stopping = False

        def stop(*_args: object) -> None:
            nonlocal stopping
            stopping = True

        if not options["once"]:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        while True:
            for job in PERIODIC_JOBS:
                result = job.enqueue()
                self.stdout.write(f"Enqueued {job.name} ({result.id}).")
            if options["once"]:
                return
            deadline = time.monotonic() + interval * 60
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(1.0, interval * 60))
            if stopping:
                self.stdout.write("Scheduler stopped.")
                return
