"""manage.py bench_http: our pages' requests/s over HTTP as a ratio to the ceiling page, in one run."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings

from liaison.web.scale.bench import BenchError
from liaison.web.scale.http_bench import run_http_bench

DEFAULT_CEILING = Path(settings.BASE_DIR).parent / "shared" / "bench" / "ceiling"


class Command(BaseCommand):
    help = (
        "Serve the ceiling page and this project with gunicorn (2 workers each) and load them alternately "
        "with wrk (2 threads x 16 connections); print each page's requests/s, latency and its ratio to the "
        "ceiling measured just before it. Run on the scale database (seed_scale first)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seconds", type=int, default=10, help="Length of each wrk run.")
        parser.add_argument("--pause", type=float, default=3.0, help="Seconds between runs (drain).")
        parser.add_argument("--ceiling-dir", default=str(DEFAULT_CEILING))
        parser.add_argument(
            "--ceiling-db",
            default="postgres://postgres:x@127.0.0.1:5432/ceiling",
            help="DATABASE_URL of the ceiling page (created by its setup step).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["seconds"] <= 120:
            raise CommandError("--seconds must be between 1 and 120.")
        try:
            with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
                results = run_http_bench(
                    ceiling_dir=Path(options["ceiling_dir"]),
                    ceiling_db=options["ceiling_db"],
                    seconds=options["seconds"],
                    pause=options["pause"],
                )
        except BenchError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{'page':<28} {'ceiling_rps':>11} {'page_rps':>9} {'ratio':>7} {'p50_ms':>8} {'p99_ms':>8} {'errors':>6}"
        )
        for r in results:
            self.stdout.write(
                f"{r.name:<28} {r.ceiling_rps:>11.0f} {r.page_rps:>9.1f} {r.ratio:>6.1%} "
                f"{r.p50_ms:>8.1f} {r.p99_ms:>8.1f} {r.errors:>6}"
            )
