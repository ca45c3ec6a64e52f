"""manage.py seed_scale --projects N: bulk benchmark data on top of load_demo (see docs/performance.md)."""

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from liaison.directory.models import Department
from liaison.web.scale.generator import ScaleError, seed_scale


class Command(BaseCommand):
    help = (
        "Generate a large benchmark dataset (enterprises, dispatched projects, plans, items) with bulk_create. "
        "It bypasses the services on purpose: no audit trail, no notifications. Runs load_demo first on an "
        "empty database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--projects", type=int, required=True, help="How many projects to create.")
        parser.add_argument(
            "--officers",
            type=int,
            default=0,
            help="Extra benchmark officers to add first (default 0: only load_demo's officers).",
        )
        parser.add_argument("--seed", type=int, default=20261126, help="Random seed (same seed, same data).")

    def handle(self, *args: Any, **options: Any) -> None:
        n = options["projects"]
        if n < 1:
            raise CommandError("--projects must be at least 1.")
        started = time.perf_counter()
        if not Department.objects.exists():
            self.stdout.write("Empty database: loading the demo catalogue and officers first (load_demo).")
            call_command("load_demo", stdout=self.stdout)
        try:
            result = seed_scale(
                projects=n, officers=max(0, options["officers"]), seed=options["seed"], log=self.stdout.write
            )
        except ScaleError as error:
            raise CommandError(str(error)) from error
        states = ", ".join(f"{k}={v}" for k, v in sorted(result.counts.items()))
        self.stdout.write(
            f"officers_added={result.officers} enterprises={result.enterprises} projects={result.projects} entrustments={result.entrustments} "
            f"assignments={result.assignments} plans={result.plans} items={result.items} "
            f"materials={result.materials}"
        )
        self.stdout.write(f"item states: {states}")
        self.stdout.write(self.style.SUCCESS(f"seed_scale done in {time.perf_counter() - started:.1f} s"))
