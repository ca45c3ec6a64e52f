"""Recompute every project's item roll-up (what the centre overview reads) and repair any that differ.

The services keep the roll-ups right in the same transaction as each change; this is the check after a
restore, a manual database edit or an import that bypassed them. It prints how many were repaired.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from liaison.intake.models import Project
from liaison.tracking.services.rollups import rollups_rebuild


class Command(BaseCommand):
    help = "Recompute every project's item roll-up and repair those that differ from the items."

    def handle(self, *args: object, **options: Any) -> None:
        repaired = rollups_rebuild()
        self.stdout.write(f"Checked {Project.objects.count()} projects: {repaired} roll-up(s) repaired.")
