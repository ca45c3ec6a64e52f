"""manage.py seed_scale --projects N: bulk benchmark data on top of load_demo (see docs/performance.md)."""

import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from liaison.directory.models import Department
from liaison.web.scale.extras import centre_admin_id, extras_only
from liaison.web.scale.generator import ScaleError, seed_scale


class Command(BaseCommand):
    help = (
        "Generate a large benchmark dataset (enterprises, dispatched projects, plans, items, consultations, "
        "difficulties) with bulk_create. It bypasses the services on purpose: no audit trail, no "
        "notifications. Runs load_demo first on an empty database. --extras-only adds the consultations "
        "and difficulties to seeded projects that have none (a database seeded before they existed)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--projects", type=int, help="How many projects to create.")
        parser.add_argument(
            "--officers",
            type=int,
            default=0,
            help="Extra benchmark officers to add first (default 0: only load_demo's officers).",
        )
        parser.add_argument("--seed", type=int, default=20261126, help="Random seed (same seed, same data).")
        extras = parser.add_mutually_exclusive_group()
        extras.add_argument(
            "--extras-only",
            action="store_true",
            help="Create no projects: add consultations and difficulties to the seeded projects that have "
            "neither (idempotent).",
        )
        extras.add_argument(
            "--no-extras", action="store_true", help="Projects, plans and items only (the older data set)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if options["extras_only"]:
            self._extras_only(options["seed"], started)
            return
        n = options["projects"]
        if n is None or n < 1:
            raise CommandError("--projects must be at least 1 (or use --extras-only).")
        if not Department.objects.exists():
            self.stdout.write("Empty database: loading the demo catalogue and officers first (load_demo).")
            call_command("load_demo", stdout=self.stdout)
        try:
            result = seed_scale(
                projects=n,
                officers=max(0, options["officers"]),
                seed=options["seed"],
                extras=not options["no_extras"],
                log=self.stdout.write,
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
        if not options["no_extras"]:
            self.stdout.write(result.extras.summary())
            self.stdout.write(result.extras.states())
        self.stdout.write(self.style.SUCCESS(f"seed_scale done in {time.perf_counter() - started:.1f} s"))

    def _extras_only(self, seed: int, started: float) -> None:
        admin = centre_admin_id()
        if admin is None:
            raise CommandError("需要中心工作人员：请先运行 load_demo 和 seed_scale。")
        result = extras_only(admin_id=admin, seed=seed, log=self.stdout.write)
        self.stdout.write(f"projects_checked={result.projects} {result.summary()}")
        self.stdout.write(result.states())
        self.stdout.write(
            self.style.SUCCESS(f"seed_scale --extras-only done in {time.perf_counter() - started:.1f} s")
        )
