"""Enqueue `tracking_reminders_run` every N minutes for the background worker (`db_worker`) to run.

Two schedulers at once do no harm: every reminder is sent exactly once (see services/reminders.py).
"""

from __future__ import annotations

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from liaison.tracking.tasks import tracking_reminders_run


class Command(BaseCommand):
    help = "Enqueue the tracking reminders job every --interval minutes (--once: enqueue one and exit)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=15.0, help="Minutes between runs (default 15).")
        parser.add_argument("--once", action="store_true", help="Enqueue one run and exit.")

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
            result = tracking_reminders_run.enqueue()
            self.stdout.write(f"Enqueued tracking_reminders_run ({result.id}).")
            if options["once"]:
                return
            deadline = time.monotonic() + interval * 60
            while not stopping and time.monotonic() < deadline:
                time.sleep(min(1.0, interval * 60))
            if stopping:
                self.stdout.write("Scheduler stopped.")
                return
