"""`manage.py backup_restore --from DIR_OR_FILE [--yes]`: put a backup back (docs/backup.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from liaison.web.backup import BackupError
from liaison.web.backup_restore import backup_restore


class Command(BaseCommand):
    help = (
        "Verify a backup archive (or the newest one in a directory) and replace the database and MEDIA_ROOT "
        "with it; --yes to overwrite a database or media directory that is not empty (docs/backup.md)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--from",
            dest="source",
            required=True,
            metavar="DIR_OR_FILE",
            help="Archive, or directory of them.",
        )
        parser.add_argument(
            "--yes", action="store_true", help="Overwrite the current database and uploaded files."
        )

    def handle(self, *args: object, **options: Any) -> None:
        try:
            result = backup_restore(Path(options["source"]), overwrite=options["yes"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {result.archive.name} (made {manifest['created_at']}, "
                f"{manifest['file_count']} uploaded files)."
            )
        )
        if result.chain.ok:
            self.stdout.write(
                self.style.SUCCESS(f"Audit chain intact: {result.chain.checked} events verified.")
            )
        else:
            self.stderr.write(
                f"Audit chain broken at event #{result.chain.broken_seq}: {result.chain.reason} "
                f"({result.chain.checked} events verified before it)."
            )
        if result.migrations_pending:
            self.stdout.write("The code has migrations the backup has not applied: run `manage.py migrate`.")
