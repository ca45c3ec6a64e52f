"""`manage.py backup_create --to DIR`: one archive of the database and the uploaded files (docs/backup.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from liaison.web.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and every file under MEDIA_ROOT into one archive in --to DIR (docs/backup.md)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--to", required=True, metavar="DIR", help="Directory the archive is written to.")

    def handle(self, *args: object, **options: Any) -> None:
        try:
            result = backup_create(Path(options["to"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {result.path} ({manifest['database']['vendor']} database, "
                f"{manifest['file_count']} uploaded files, sha256 {result.sha256})."
            )
        )
