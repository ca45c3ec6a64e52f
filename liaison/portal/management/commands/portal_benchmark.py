"""manage.py portal_benchmark [--seconds S]: requests/second of each public page and of a bare Django page
in the same process; prints both figures and the ratio against the 80 % target."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import Client
from django.test.utils import override_settings

from liaison.portal.benchmark import PAGES, TARGET_RATIO, measure


class Command(BaseCommand):
    help = "Measure requests/second of the portal's public pages against a bare Django page (same process)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seconds", type=float, default=3.0, help="Timed seconds per page.")

    def handle(self, *args: Any, **options: Any) -> None:
        seconds = options["seconds"]
        if not 0.1 <= seconds <= 600:
            raise CommandError("--seconds must be between 0.1 and 600.")
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        with override_settings(
            ALLOWED_HOSTS=hosts, ROOT_URLCONF="liaison.portal.benchmark", SECURE_SSL_REDIRECT=False
        ):
            client = Client()
            bare = measure(client, "/__bench__/bare-layout/", seconds)
            floor = measure(client, "/__bench__/bare-http/", seconds)
            pages = [measure(client, url, seconds) for url in PAGES]
        self.stdout.write(f"{'page':<28} {'req/s':>9} {'vs bare_layout':>15} {'vs bare_http':>13}")
        for row, name in ((floor, "bare_http"), (bare, "bare_layout")):
            self.stdout.write(f"{name:<28} {row.per_second:>9.1f}")
        missed = []
        for row in pages:
            ratio = row.per_second / bare.per_second
            self.stdout.write(
                f"{row.path:<28} {row.per_second:>9.1f} {ratio:>14.0%} {row.per_second / floor.per_second:>12.0%}"
            )
            if ratio < TARGET_RATIO:
                missed.append(row.path)
        verdict = "all pages meet it" if not missed else f"{len(missed)} below: {', '.join(missed)}"
        self.stdout.write(f"target >= {TARGET_RATIO:.0%} of bare_layout: {verdict}")
