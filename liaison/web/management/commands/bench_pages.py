"""manage.py bench_pages --repeat R: server-side p50/p95/max, CPU p50 and SQL query count of the pages that must scale."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings

from liaison.web.scale.bench import BenchError, run_bench

TARGET_P95_MS = 100.0


def _cut(name: str, width: int = 56) -> str:
    """The page's label in its column (CJK characters take two columns in a terminal)."""
    wide = sum(1 for ch in name if ord(ch) > 0x2E80)
    return name + " " * max(0, width - len(name) - wide) if len(name) + wide <= width else name


class Command(BaseCommand):
    help = (
        "Request the core pages (the officer's dashboard, 待办, my projects and a project's item list; the "
        "centre dashboard and overview; the guide's 待回复; the consultation and difficulty lists) R times "
        "each in-process (django.test.Client, force_login) and print wall-clock p50/p95/max, CPU p50 (ms) "
        "and the query count."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=20, help="Timed requests per page.")

    def handle(self, *args: Any, **options: Any) -> None:
        repeat = options["repeat"]
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        try:
            with override_settings(ALLOWED_HOSTS=hosts):
                context, results = run_bench(repeat)
        except BenchError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(" ".join(f"{k}={v}" for k, v in context.items()))
        self.stdout.write(
            f"{'page':<56} {'mode':<8} {'runs':>5} {'p50_ms':>8} {'p95_ms':>8} {'max_ms':>8} "
            f"{'cpu_p50_ms':>10} {'queries':>7}"
        )
        for r in results:
            self.stdout.write(
                f"{_cut(r.name)} {r.mode:<8} {r.runs:>5} {r.p50:>8.1f} {r.p95:>8.1f} {r.max:>8.1f} "
                f"{r.cpu_p50:>10.1f} {r.queries:>7}"
            )
            if r.note:
                self.stdout.write(f"  note: {r.note}")
        missed = [r.name for r in results if r.p95 >= TARGET_P95_MS]
        verdict = "all p95 under" if not missed else f"{len(missed)} page(s) over"
        self.stdout.write(f"target p95 < {TARGET_P95_MS:.0f} ms: {verdict}")
