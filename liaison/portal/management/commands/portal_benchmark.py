"""manage.py portal_benchmark [--seconds S] [--rounds R]: requests/second of each public page and of a bare
Django page in the same process; prints both figures and the ratio against the 80 % target.

The machine may be shared: in each of R rounds a page and the bare page are requested in turn, one request
each, and each figure is the median of its rounds, so a burst of other work affects both sides alike. Each figure is given twice:
per second of wall-clock time and per second of the process's CPU time; the second does not count the time
other processes held the core, so it is the one the target is judged on (the public pages read nothing from
the database on a cache hit, so no cost is left outside the process)."""

from statistics import median
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import Client
from django.test.utils import override_settings

from liaison.portal.benchmark import PAGES, TARGET_RATIO, measure, measure_alternating


class Command(BaseCommand):
    help = "Measure requests/second of the portal's public pages against a bare Django page (same process)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seconds", type=float, default=1.0, help="Timed seconds per page and round.")
        parser.add_argument("--rounds", type=int, default=5, help="Alternating rounds per page.")

    def handle(self, *args: Any, **options: Any) -> None:
        seconds, rounds = options["seconds"], options["rounds"]
        if not 0.1 <= seconds <= 600 or not 1 <= rounds <= 100:
            raise CommandError("--seconds must be between 0.1 and 600, --rounds between 1 and 100.")
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(
            ALLOWED_HOSTS=hosts, ROOT_URLCONF="liaison.portal.benchmark", SECURE_SSL_REDIRECT=False
        ):
            client = Client()
            floors = [measure(client, "/__bench__/bare-http/", seconds) for _ in range(rounds)]
            results = []
            for url in PAGES:
                bare, page = [], []
                for _ in range(rounds):
                    pair = measure_alternating(client, "/__bench__/bare-layout/", url, 2 * seconds)
                    bare.append(pair[0])
                    page.append(pair[1])
                results.append((url, bare, page))
        self.stdout.write(
            f"bare_http (HttpResponse, no template): {median(t.per_cpu_second for t in floors):.1f} req/CPU-s, "
            f"{median(t.per_second for t in floors):.1f} req/s"
        )
        self.stdout.write(
            f"{'page':<22} {'req/CPU-s':>10} {'bare_layout':>12} {'ratio':>6}"
            f" {'req/s':>8} {'bare_layout':>12} {'ratio':>6}"
        )
        missed = []
        for url, bare, page in results:
            cpu_rate, cpu_bare = (
                median(t.per_cpu_second for t in page),
                median(t.per_cpu_second for t in bare),
            )
            rate, bare_rate = median(t.per_second for t in page), median(t.per_second for t in bare)
            ratio = cpu_rate / cpu_bare
            self.stdout.write(
                f"{url:<22} {cpu_rate:>10.1f} {cpu_bare:>12.1f} {ratio:>6.0%}"
                f" {rate:>8.1f} {bare_rate:>12.1f} {rate / bare_rate:>6.0%}"
            )
            if ratio < TARGET_RATIO:
                missed.append(url)
        verdict = "all pages meet it" if not missed else f"{len(missed)} below: {', '.join(missed)}"
        self.stdout.write(f"target >= {TARGET_RATIO:.0%} of bare_layout (per CPU-second): {verdict}")
