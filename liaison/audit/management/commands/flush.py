"""Django's `flush`, which on SQLite lifts the audit trail's append-only DELETE trigger for the wipe.

Flushing empties every table on purpose (PostgreSQL's TRUNCATE does not fire the row triggers either);
the test runner uses it between transactional tests. The trigger is back before the command returns."""

from __future__ import annotations

import importlib
from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

TRIGGERS = importlib.import_module("liaison.audit.migrations.0005_keyed_chain_and_sqlite_triggers")


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or "default"]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            cursor.execute(TRIGGERS.SQLITE_DROP[1])
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(TRIGGERS.SQLITE_CREATE[1])
