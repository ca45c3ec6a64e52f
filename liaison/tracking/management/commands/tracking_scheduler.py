"""Enqueue `tracking_reminders_run` every N minutes for the background worker (`db_worker`) to run.

`manage.py scheduler` (what `make run` starts) enqueues every periodic job; this one only tracking's.
Two schedulers at once do no harm: every reminder is sent exactly once (see services/reminders.py).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from liaison.core.periodic import enqueue_periodically
from liaison.tracking.tasks import tracking_reminders_run


class Command(BaseCommand):
    help = "Enqueue the tracking reminders job every --interval minutes (--once: enqueue one and exit)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=15.0, help="Minutes between runs (default 15).")
        parser.add_argument("--once", action="store_true", help="Enqueue one run and exit.")

    def handle(self, *args: object, **options: Any) -> None:
        if float(options["interval"]) <= 0:
            raise CommandError("--interval must be a positive number of minutes.")
        enqueue_periodically(
            [tracking_reminders_run],
            interval_minutes=float(options["interval"]),
            once=options["once"],
            write=self.stdout.write,
        )
