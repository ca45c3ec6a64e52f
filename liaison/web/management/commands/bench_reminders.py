"""manage.py bench_reminders [--reset] [--today YYYY-MM-DD]: time the tracking reminder job's first and
repeat run on a seeded database (seed_scale) and print what each wrote (docs/performance.md)."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from liaison.intake.models import Project
from liaison.web.scale.reminders_bench import bench_reminders, reminders_reset


class Command(BaseCommand):
    help = (
        "Run the tracking reminder job twice (the first run sends what is due today, the repeat run finds it "
        "sent) and print seconds, SQL statements, crossings, log rows, notifications, digest emails queued."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="First forget every tracking reminder sent (log rows, notifications, queued emails).",
        )
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="The day to run on.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not Project.objects.exists():
            raise CommandError("No projects: seed the database first (manage.py seed_scale --projects N).")
        if options["reset"]:
            self.stdout.write(f"reset: {reminders_reset()} rows deleted")
        today = options["today"] or timezone.localdate()
        self.stdout.write(f"today={today.isoformat()} projects={Project.objects.count()}")
        header = (
            f"{'run':<7} {'seconds':>8} {'queries':>8} {'crossings':>9} {'log_rows':>9} "
            f"{'in_app':>8} {'digests':>8} {'email_tasks':>11} {'max_items/digest':>16}"
        )
        self.stdout.write(header)
        for r in bench_reminders(today=today):
            self.stdout.write(
                f"{r.label:<7} {r.seconds:>8.1f} {r.queries:>8} {r.crossings:>9} {r.log_rows:>9} "
                f"{r.notifications:>8} {r.digests:>8} {r.email_tasks:>11} {r.max_items_in_a_digest:>16}"
            )
