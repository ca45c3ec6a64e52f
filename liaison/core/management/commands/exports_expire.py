"""Delete the files of background exports kept longer than EXPORT_FILE_DAYS (also a periodic job)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from liaison.core.export_jobs import export_jobs_expire


class Command(BaseCommand):
    help = "Delete the files of background exports older than EXPORT_FILE_DAYS (the rows stay, 已过期)."
    stealth_options = ("now",)  # tests: the moment to expire at

    def handle(self, *args: object, **options: Any) -> None:
        count = export_jobs_expire(now=options.get("now"))
        self.stdout.write(f"Expired {count} export file(s).")
